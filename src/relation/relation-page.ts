import { toPageRequest, type PageRequest } from '../graphql/pagination';
import type { RelationQuery } from './relation.repository';
import { RelationDirection, type RelationFilter } from './relation.type';

/** What the relations loader is asked for: which relations, and which page of them. */
export interface RelationPageArgs {
  query: RelationQuery;
  page: PageRequest;
}

/** The loader's arguments from a `relations` field's GraphQL arguments (throws on a bad page). */
export function relationPageArgs(
  filter: Partial<RelationFilter> | null | undefined,
  pageArgs: { first?: number | null; after?: string | null },
): RelationPageArgs {
  return {
    query: {
      types: filter?.types ?? null,
      direction: filter?.direction ?? RelationDirection.BOTH,
      otherKinds: filter?.otherKinds ?? null,
    },
    page: toPageRequest(pageArgs),
  };
}
