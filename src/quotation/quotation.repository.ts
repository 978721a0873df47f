import type { TextAnchorRecord } from '../article';
import type { StoredProperties } from '../history';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { provenanceProperties, type Provenance } from '../ontology';
import { pageFromRows, type Page, type PageRequest } from '../paging';
import { escapeLucene } from '../search';
import { toQuotationRecord, type QuotationRecord } from './quotation.record';

export interface QuotationFilter {
  speakerId: string | null;
  articleId: string | null;
  /** The client's words, unescaped; null for no word filter. */
  words: string | null;
}

/** A quotation as the seed writes it: the node's properties and its two links. */
export interface QuotationWrite {
  id: string;
  articleId: string;
  speakerId: string | null;
  properties: Record<string, unknown>;
}

interface QuotationRow {
  sortKey: string;
  quotation: Record<string, unknown>;
  speakerId?: string | null;
}

/**
 * The words as a Lucene query that finds quotations holding every one of them: escaped (so
 * that any text is plain words), then joined with AND, the only operator left in it.
 */
export function wordsQuery(words: string): string {
  return escapeLucene(words).split(/\s+/).filter(Boolean).join(' AND ');
}

/** Quotations' Cypher and the mapping of its results. */
export class QuotationRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async findByIds(ids: readonly string[]): Promise<Map<string, QuotationRecord>> {
    const records = await this.executor.read(readCypher('queries/quotation/by-ids.cypher'), { ids });
    const quotations = records.map((record) =>
      toQuotationRecord({ properties: record.get('quotation') as Record<string, unknown>, speakerId: record.get('speakerId') as string | null }),
    );
    return new Map(quotations.map((quotation) => [quotation.id, quotation]));
  }

  async page(filter: QuotationFilter, request: PageRequest): Promise<Page<QuotationRecord>> {
    const lucene = filter.words === null ? null : wordsQuery(filter.words);
    // Words that escape to nothing match nothing, as in `search`.
    if (lucene === '') return pageFromRows([], request, 0);
    const [record] = await this.executor.read(readCypher('queries/quotation/page.cypher'), {
      speakerId: filter.speakerId,
      articleId: filter.articleId,
      lucene,
      afterKey: request.afterKey,
      limitPlusOne: request.limit + 1,
    });
    const rows = (record?.get('rows') ?? []) as QuotationRow[];
    return pageFromRows(rows.map(toItem), request, (record?.get('totalCount') as number | undefined) ?? 0);
  }

  /** Pages of the quotations of many speakers, keyed by speaker id (absent ids have none). */
  async ofSpeakers(speakerIds: readonly string[], request: PageRequest): Promise<Map<string, Page<QuotationRecord>>> {
    const records = await this.executor.read(readCypher('queries/quotation/of-speakers.cypher'), {
      speakerIds,
      afterKey: request.afterKey,
      limitPlusOne: request.limit + 1,
    });
    return new Map(
      records.map((record) => {
        const speakerId = record.get('speakerId') as string;
        const rows = (record.get('rows') as QuotationRow[]).map((row) => ({ ...row, speakerId }));
        return [speakerId, pageFromRows(rows.map(toItem), request, record.get('totalCount') as number)];
      }),
    );
  }
}

function toItem(row: QuotationRow) {
  return { sortKey: row.sortKey, node: toQuotationRecord({ properties: row.quotation, speakerId: row.speakerId ?? null }) };
}

/** What a quotation is written from: who said which words where, and, for one accepted from ingestion, its provenance. */
export interface QuotationFacts {
  id: string;
  articleId: string;
  speakerId: string | null;
  direct: boolean;
  attribution: string | null;
  attributedTo: string | null;
  anchor: TextAnchorRecord;
}

/** A quotation as mergeQuotations writes it: the properties toQuotationRecord reads back. */
export function toQuotationWrite({ anchor, ...quotation }: QuotationFacts, provenance: Provenance | null = null): QuotationWrite {
  return {
    id: quotation.id,
    articleId: quotation.articleId,
    speakerId: quotation.speakerId,
    properties: {
      id: quotation.id,
      // The article's own characters, so that text.slice(start, end) is the quotation's text.
      text: anchor.exact,
      direct: quotation.direct,
      attribution: quotation.attribution,
      attributedTo: quotation.attributedTo,
      articleId: quotation.articleId,
      start: anchor.start,
      end: anchor.end,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      ...provenanceProperties('origin', provenance),
    },
  };
}

/** A quotation as mergeQuotations left it: whether it found its speaker, and its properties (with its speaker's id) before and after. */
export interface MergedQuotation {
  id: string;
  speakerLinked: boolean;
  before: StoredProperties | null;
  after: StoredProperties;
}

/** Writes quotations inside a caller's transaction (the seed's, an accepted proposal's). */
export async function mergeQuotations(tx: CypherTransaction, quotations: QuotationWrite[]): Promise<MergedQuotation[]> {
  const records = await tx.run(readCypher('queries/quotation/merge-many.cypher'), { quotations });
  return records.map((record) => ({
    id: record.get('id') as string,
    speakerLinked: record.get('speakerLinked') as boolean,
    before: record.get('before') as StoredProperties | null,
    after: record.get('after') as StoredProperties,
  }));
}
