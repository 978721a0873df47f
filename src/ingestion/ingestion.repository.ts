import type { StoredProperties } from '../history';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor, Neo4jRecord } from '../neo4j/neo4j-executor';
import type { EntityKind } from '../ontology';
import { pageFromRows, type Page, type PageRequest } from '../paging';
import type { KnownEntity } from './extraction.types';
import type { ProposalDraft, ProposalPayload, ProposalRecord, ProposalStatus } from './proposal.record';

/** What an ingestion must know before it writes (prior-articles.cypher). */
export interface PriorArticles {
  /** The article that holds the same text already: ingesting it again is a no-op. */
  sameId: string | null;
  /** The newest revision of the same article (same URL, or same title and publisher). */
  earlier: { id: string; revision: number } | null;
  takenIds: string[];
}

export interface ArticleWrite {
  id: string;
  previousId: string | null;
  publishedOn: string | null;
  ingestedAt: string;
  properties: Record<string, unknown>;
}

export interface ProposalDecisionWrite {
  id: string;
  status: ProposalStatus;
  factId: string | null;
  note: string | null;
  /** The edited payload as JSON, for an edit-then-accept; null keeps the extracted one. */
  payload: string | null;
}

/** Stored proposals carry their payload as JSON and their anchor as five properties. */
function toProposalRecord(stored: Record<string, unknown>): ProposalRecord {
  const reviewedAt = (stored.reviewedAt as string | null | undefined) ?? null;
  return {
    typeName: 'Proposal',
    id: String(stored.id),
    articleId: String(stored.articleId),
    status: stored.status as ProposalStatus,
    confidence: Number(stored.confidence),
    extractor: String(stored.extractor),
    anchor: {
      start: Number(stored.start),
      end: Number(stored.end),
      exact: String(stored.exact),
      prefix: String(stored.prefix),
      suffix: String(stored.suffix),
    },
    payload: JSON.parse(String(stored.payload)) as ProposalPayload,
    proposedAt: String(stored.proposedAt),
    review:
      reviewedAt === null
        ? null
        : {
            reviewedBy: String(stored.reviewedBy),
            reviewedAt,
            factId: (stored.factId as string | null | undefined) ?? null,
            note: (stored.note as string | null | undefined) ?? null,
          },
  };
}

function toStoredProposal(draft: ProposalDraft) {
  return {
    id: draft.id,
    articleId: draft.articleId,
    kind: draft.payload.kind,
    confidence: draft.confidence,
    extractor: draft.extractor,
    ...draft.anchor,
    payload: JSON.stringify(draft.payload),
  };
}

function proposalsById(records: readonly Neo4jRecord[]): Map<string, ProposalRecord> {
  const proposals = records.map((record) => toProposalRecord(record.get('proposal') as Record<string, unknown>));
  return new Map(proposals.map((proposal) => [proposal.id, proposal]));
}

/** Ingested articles and their proposals: the Cypher of cypher/queries/ingestion. */
export class IngestionRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async knownEntities(): Promise<KnownEntity[]> {
    const records = await this.executor.read(readCypher('queries/ingestion/known-entities.cypher'));
    return records.map((record) => {
      const countryId = record.get('countryId') as string | null;
      return {
        id: record.get('id') as string,
        kind: record.get('kind') as EntityKind,
        name: record.get('name') as string,
        aliases: (record.get('aliases') as string[] | null) ?? [],
        ...(countryId ? { countryId } : {}),
      };
    });
  }

  async priorArticles(contentHash: string, identityKey: string, candidateIds: readonly string[]): Promise<PriorArticles> {
    const [record] = await this.executor.read(readCypher('queries/ingestion/prior-articles.cypher'), { contentHash, identityKey, candidateIds });
    const earlier = record!.get('earlier') as { id: string; revision: number | null } | null;
    return {
      sameId: record!.get('sameId') as string | null,
      earlier: earlier ? { id: earlier.id, revision: earlier.revision ?? 1 } : null,
      takenIds: record!.get('takenIds') as string[],
    };
  }

  /**
   * Stores an ingested article; its stored properties (without its text), and what the article
   * it revises named as its successor before, for the write's Change.
   */
  async createArticle(tx: CypherTransaction, article: ArticleWrite): Promise<{ stored: StoredProperties; previousBefore: StoredProperties | null }> {
    const [record] = await tx.run(readCypher('queries/ingestion/create-article.cypher'), { ...article });
    return { stored: record!.get('article') as StoredProperties, previousBefore: record!.get('previousBefore') as StoredProperties | null };
  }

  /** Withdraws what a superseded revision still awaits review for. */
  async withdrawSuperseded(tx: CypherTransaction, previousId: string, articleId: string, at: string): Promise<void> {
    await tx.run(readCypher('queries/ingestion/withdraw-superseded.cypher'), { previousId, articleId, at });
  }

  async createProposals(tx: CypherTransaction, drafts: readonly ProposalDraft[], proposedAt: string): Promise<void> {
    await tx.run(readCypher('queries/ingestion/create-proposals.cypher'), { proposals: drafts.map(toStoredProposal), proposedAt });
  }

  async page(filter: { articleId: string | null; status: ProposalStatus }, request: PageRequest): Promise<Page<ProposalRecord>> {
    const [record] = await this.executor.read(readCypher('queries/ingestion/page.cypher'), {
      ...filter,
      afterKey: request.afterKey,
      limitPlusOne: request.limit + 1,
    });
    const rows = (record?.get('rows') ?? []) as { sortKey: string; proposal: Record<string, unknown> }[];
    return pageFromRows(
      rows.map((row) => ({ sortKey: row.sortKey, node: toProposalRecord(row.proposal) })),
      request,
      (record?.get('totalCount') as number | undefined) ?? 0,
    );
  }

  async byIds(ids: readonly string[]): Promise<Map<string, ProposalRecord>> {
    return proposalsById(await this.executor.read(readCypher('queries/ingestion/by-ids.cypher'), { ids }));
  }

  /** Proposals by id, each locked until the transaction ends: two decisions on one are serialised. */
  async lockByIds(tx: CypherTransaction, ids: readonly string[]): Promise<Map<string, ProposalRecord>> {
    return proposalsById(await tx.run(readCypher('queries/ingestion/lock-by-ids.cypher'), { ids }));
  }

  async acceptedStatistics(tx: CypherTransaction, articleId: string): Promise<ProposalRecord[]> {
    return [...proposalsById(await tx.run(readCypher('queries/ingestion/accepted-statistics.cypher'), { articleId })).values()];
  }

  async decide(tx: CypherTransaction, decisions: readonly ProposalDecisionWrite[], reviewedBy: string, reviewedAt: string): Promise<ProposalRecord[]> {
    const records = await tx.run(readCypher('queries/ingestion/decide.cypher'), { decisions, reviewedBy, reviewedAt });
    return records.map((record) => toProposalRecord(record.get('proposal') as Record<string, unknown>));
  }
}
