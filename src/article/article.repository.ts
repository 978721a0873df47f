import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';

export class ArticleRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** Full texts are large, so entity queries leave them out and this fetches them on demand. */
  async textsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const records = await this.executor.read(readCypher('queries/article/texts.cypher'), { ids });
    return new Map(records.map((record) => [record.get('id') as string, record.get('text') as string]));
  }
}
