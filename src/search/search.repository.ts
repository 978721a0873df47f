import { toEntityRecord, type EntityRecord, type StoredEntity } from '../entity';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { EntityKind } from '../ontology';
import { luceneQuery, type SearchMode } from './lucene';

export interface SearchResult {
  entity: EntityRecord;
  score: number;
}

/** Kind filtering happens after Lucene ranks, so ask it for more candidates than we return. */
const CANDIDATE_FACTOR = 10;

export class SearchRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async search(text: string, kinds: EntityKind[] | null, first: number, mode: SearchMode = 'WORDS'): Promise<SearchResult[]> {
    const lucene = luceneQuery(text, mode);
    if (lucene === '' || first === 0) return [];
    const records = await this.executor.read(readCypher('queries/search/search.cypher'), {
      lucene,
      exactKey: text.trim().toLowerCase(),
      kinds,
      first,
      candidates: first * CANDIDATE_FACTOR,
    });
    return records.map((record) => ({
      entity: toEntityRecord(record.get('node') as StoredEntity),
      score: record.get('score') as number,
    }));
  }
}
