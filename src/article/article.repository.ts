import type { StoredProperties } from '../history';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { pageFromRows, type Page, type PageRequest } from '../paging';
import type { MentionRecord } from './mention.type';

/** Articles' texts and the mentions of entities in their sentences. */
export class ArticleRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** Full texts are large, so entity queries leave them out and this fetches them on demand. */
  async textsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const records = await this.executor.read(readCypher('queries/article/texts.cypher'), { ids });
    return new Map(records.map((record) => [record.get('id') as string, record.get('text') as string]));
  }

  async mentionsOf(entityIds: readonly string[], request: PageRequest): Promise<Map<string, Page<MentionRecord>>> {
    const records = await this.executor.read(readCypher('queries/article/mentions-of.cypher'), {
      entityIds,
      afterKey: request.afterKey,
      limitPlusOne: request.limit + 1,
    });
    return new Map(
      records.map((record) => {
        const rows = record.get('rows') as (MentionRecord & { sortKey: string })[];
        const items = rows.map(({ sortKey, ...mention }) => ({ sortKey, node: mention }));
        return [record.get('entityId') as string, pageFromRows(items, request, record.get('totalCount') as number)];
      }),
    );
  }

  /**
   * Records that a sentence of the article mentions the entity (a statistic's own sentence, an
   * accepted mention); the mention's properties before (null: it is new) and after.
   */
  async addMention(tx: CypherTransaction, mention: MentionRecord): Promise<{ before: StoredProperties | null; after: StoredProperties }> {
    const [record] = await tx.run(readCypher('queries/article/add-mention.cypher'), { ...mention });
    return { before: record!.get('before') as StoredProperties | null, after: record!.get('after') as StoredProperties };
  }
}
