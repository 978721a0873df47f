import { projectedEntityReader, projectionParameters, projectionVariant, toEntityRecord, type EntityProjection, type EntityRecord, type StoredEntity } from '../entity';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { EntityKind } from '../ontology';
import { luceneQuery, type SearchMode } from './lucene';

export interface SearchResult {
  entity: EntityRecord;
  score: number;
}

/** Where a quotation sits in its article's text. */
export interface QuotationPlace {
  id: string;
  start: number;
  end: number;
}

/** An article whose text holds words of a query, with its Lucene score and its quotations' places. */
export interface MatchingArticle {
  article: EntityRecord;
  text: string;
  score: number;
  quotations: QuotationPlace[];
}

/** A quotation whose words match a query: its id, its words and its Lucene score. */
export interface MatchingQuotation {
  id: string;
  text: string;
  score: number;
}

/** Kind filtering happens after Lucene ranks, so ask it for more candidates than we return. */
const CANDIDATE_FACTOR = 10;

export class SearchRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** Entities with the given properties only (all when null: see EntityProjection). */
  async search(text: string, kinds: EntityKind[] | null, first: number, mode: SearchMode, entityProperties: EntityProjection): Promise<SearchResult[]> {
    const lucene = luceneQuery(text, mode);
    if (lucene === '' || first === 0) return [];
    const records = await this.executor.read(readCypher('queries/search/search.cypher', projectionVariant(entityProperties)), {
      lucene,
      exactKey: text.trim().toLowerCase(),
      kinds,
      first,
      candidates: first * CANDIDATE_FACTOR,
      ...projectionParameters(entityProperties),
    });
    const toEntity = projectedEntityReader(entityProperties);
    return records.map((record) => ({
      entity: toEntity(record.get('node')),
      score: record.get('score') as number,
    }));
  }

  /**
   * The articles whose text matches the Lucene query (already escaped), best first: the first
   * `candidates` of them, or only the article `articleId` when one is named.
   */
  async articlesMatching(lucene: string, articleId: string | null, candidates: number): Promise<MatchingArticle[]> {
    const records = await this.executor.read(readCypher('queries/search/sentences.cypher'), { lucene, articleId, candidates });
    return records.map((record) => ({
      article: toEntityRecord(record.get('article') as StoredEntity),
      text: record.get('text') as string,
      score: record.get('score') as number,
      quotations: record.get('quotations') as QuotationPlace[],
    }));
  }

  /** The first quotations whose words match the Lucene query (already escaped), best first. */
  async quotationsMatching(lucene: string, first: number): Promise<MatchingQuotation[]> {
    const records = await this.executor.read(readCypher('queries/search/quotations.cypher'), { lucene, first });
    return records.map((record) => ({
      id: record.get('id') as string,
      text: record.get('text') as string,
      score: record.get('score') as number,
    }));
  }
}
