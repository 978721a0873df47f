export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  mapPage,
  pageFromRows,
  toPageRequest,
  type Page,
  type PageRequest,
} from './page';
