import DataLoader from 'dataloader';
import type { Page } from '../paging';

export interface KeyedPageRequest<TArgs> {
  id: string;
  args: TArgs;
}

const emptyPage = { items: [], hasNextPage: false, totalCount: 0 };

/**
 * A DataLoader for nested connections (an entity's relations, its mentions): the keys of one
 * tick are grouped by their arguments and each group is fetched in one query for all its ids,
 * so a list of 50 entities with their relations costs one round trip, not 50.
 */
export function keyedPageLoader<TArgs, TItem>(
  load: (ids: string[], args: TArgs) => Promise<Map<string, Page<TItem>>>,
): DataLoader<KeyedPageRequest<TArgs>, Page<TItem>, string> {
  const cacheKey = (key: KeyedPageRequest<TArgs>) => `${JSON.stringify(key.args)}\u0000${key.id}`;
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: TArgs; ids: string[] }>();
      for (const key of keys) {
        const argsKey = JSON.stringify(key.args);
        const group = groups.get(argsKey) ?? { args: key.args, ids: [] };
        group.ids.push(key.id);
        groups.set(argsKey, group);
      }
      const pages = new Map<string, Page<TItem>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          for (const [id, page] of await load(group.ids, group.args)) pages.set(cacheKey({ id, args: group.args }), page);
        }),
      );
      return keys.map((key) => pages.get(cacheKey(key)) ?? emptyPage);
    },
    { cacheKeyFn: cacheKey },
  );
}
