import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { toEntityRecord, type EntityRecord } from '../entity/entity.record';
import { pageFromRows, type Page, type PageRequest } from '../graphql/pagination';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';

/** The ids a statistic links to: where a flow starts and ends, its places, its reporter. */
export interface StatisticLinkIds {
  originId: string | null;
  destinationId: string | null;
  placeIds: string[];
  reportedById: string | null;
}

export interface StatisticQuery {
  measure: string | null;
  placeId: string | null;
  reportedById: string | null;
  sourceId: string | null;
  from: string | null;
  to: string | null;
}

export interface StatisticWithLinks {
  statistic: EntityRecord;
  links: StatisticLinkIds;
}

export class StatisticRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async page(query: StatisticQuery, request: PageRequest): Promise<Page<StatisticWithLinks>> {
    const [record] = await this.executor.read(readCypher('queries/statistic/page.cypher'), {
      ...query,
      afterKey: request.afterKey,
      limitPlusOne: neo4j.int(request.limit + 1),
    });
    const rows = (record?.get('rows') ?? []) as { sortKey: string; node: Neo4jNode; links: StatisticLinkIds }[];
    const items = rows.map((row) => ({
      sortKey: row.sortKey,
      node: { statistic: toEntityRecord(row.node), links: row.links },
    }));
    return pageFromRows(items, request, (record?.get('totalCount') as number | undefined) ?? 0);
  }

  async linksOf(ids: readonly string[]): Promise<Map<string, StatisticLinkIds>> {
    const records = await this.executor.read(readCypher('queries/statistic/links.cypher'), { ids });
    return new Map(records.map((record) => [record.get('id') as string, record.get('links') as StatisticLinkIds]));
  }
}
