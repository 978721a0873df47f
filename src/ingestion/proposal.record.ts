import type { TextAnchorRecord } from '../article';
import { vocabulary, type EntityKind, type ValueQualifier } from '../ontology';
import type { CandidateComparison, CandidatePeriod } from './extraction.types';

/** Where a proposal stands: awaiting review, or decided (the contract's ProposalStatus). */
export const ProposalStatus = vocabulary('PROPOSED', 'ACCEPTED', 'REJECTED');
export type ProposalStatus = keyof typeof ProposalStatus;

/** What a proposal would add: exactly one of the contract's Proposal fields is set, the one of its kind. */
export const ProposalKind = vocabulary('ENTITY', 'MENTION', 'STATISTIC', 'QUOTATION', 'RELATION');
export type ProposalKind = keyof typeof ProposalKind;

/** A new entity, named in the article and unknown to the graph. */
export interface EntityProposal {
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** What the kind was guessed from, for the reviewer. */
  cues: string[];
  /**
   * Where the article names it (sentence index, offsets of the words): each becomes a mention
   * once accepted. Sentences and context are read from the article's text then, not stored
   * with every proposal: a long article names a hundred candidates, most of them several times.
   */
  occurrences: { position: number; start: number; end: number }[];
}

/** A sentence naming a known entity. */
export interface MentionProposal {
  entityId: string;
  position: number;
  sentence: string;
}

/** A number the article states, read into the ontology's terms. */
export interface StatisticProposal {
  measure: string;
  value: number;
  valueText: string;
  unit: string;
  qualifier: ValueQualifier;
  period: CandidatePeriod | null;
  periodText: string | null;
  originId: string | null;
  destinationId: string | null;
  placeIds: string[];
  reportedById: string | null;
  collectedById: string | null;
  /** Links to other statistics of the same article, by their proposal ids. */
  comparisons: { type: CandidateComparison['type']; toProposalId: string }[];
  /** The sentence that states it: the statistic's evidence once accepted. */
  sentence: string;
}

/** Words someone said, and who, as far as the article names them. */
export interface QuotationProposal {
  text: string;
  direct: boolean;
  speakerId: string | null;
  /** The words naming the speaker when the graph does not know them yet ("Jane Doe", "a spokesperson"). */
  attributedTo: string | null;
  attribution: string | null;
  position: number;
  sentence: string;
}

/** One end of a proposed relation: a known entity, or an entity proposed by the same article (by name). */
export interface RelationEndProposal {
  entityId: string | null;
  name: string;
  kind: EntityKind;
}

export interface RelationProposal {
  type: string;
  from: RelationEndProposal;
  to: RelationEndProposal;
  /** The sentence that states it: the relation's evidence once accepted. */
  sentence: string;
  pattern: string;
}

export type ProposalPayload =
  | { kind: 'ENTITY'; entity: EntityProposal }
  | { kind: 'MENTION'; mention: MentionProposal }
  | { kind: 'STATISTIC'; statistic: StatisticProposal }
  | { kind: 'QUOTATION'; quotation: QuotationProposal }
  | { kind: 'RELATION'; relation: RelationProposal };

/** A proposal as ingestion makes it, before it is stored. */
export interface ProposalDraft {
  /** Stable: the same article text proposes the same ids (so a dry run shows the ids a real run stores). */
  id: string;
  articleId: string;
  confidence: number;
  /** The extractor that made it and its version, e.g. "statistics@1". */
  extractor: string;
  anchor: TextAnchorRecord;
  payload: ProposalPayload;
}

/** Who decided, when, and what the decision made. */
export interface ProposalReview {
  /** The reviewer's API key, as its fingerprint (never the key). */
  reviewedBy: string;
  /** ISO date-time. */
  reviewedAt: string;
  /** The fact an acceptance wrote or extended: an entity, statistic, quotation or relation id. */
  factId: string | null;
  /** For a merge: the existing entity the candidate became an alias of; for a withdrawal, why. */
  note: string | null;
}

/** A stored proposal as resolvers receive it. */
export interface ProposalRecord extends ProposalDraft {
  typeName: 'Proposal';
  status: ProposalStatus;
  /** ISO date-time of the ingestion. */
  proposedAt: string;
  review: ProposalReview | null;
}
