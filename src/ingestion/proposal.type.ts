import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Article, Mention, TextAnchor } from '../article';
import { Entity, Node } from '../entity';
import { connectionTypes } from '../graphql/connection';
import { Quotation } from '../quotation';
import { Relation } from '../relation';
import { Statistic } from '../statistic';
import { ProposalKind, ProposalStatus } from './proposal.record';

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'PROPOSED awaits review; ACCEPTED became an ordinary fact; REJECTED was turned down (or withdrawn when a new revision of its article arrived).',
});

registerEnumType(ProposalKind, {
  name: 'ProposalKind',
  description: 'What a proposal would add: a new entity, a mention of a known one, a statistic, a quotation or a relation.',
});

@ObjectType({
  implements: Node,
  description: 'Something ingestion extracted from an article: exactly one of entity, mention, statistic, quotation, relation is set.',
})
export class Proposal extends Node {
  @Field(() => ProposalStatus, { description: 'PROPOSED until an editor accepts or rejects it.' })
  status: ProposalStatus;

  @Field(() => ProposalKind, { description: 'Which of entity, mention, statistic, quotation and relation is set.' })
  kind: ProposalKind;

  @Field(() => Float, { description: 'From 0 to 1.' })
  confidence: number;

  @Field({ description: 'The extractor that proposed it and its version, e.g. "statistics@1".' })
  extractor: string;

  @Field(() => TextAnchor, { description: 'The words it was extracted from.' })
  anchor: TextAnchor;

  @Field(() => Article, { description: 'The article it was extracted from.' })
  article: Article;

  @Field(() => Entity, {
    nullable: true,
    description: 'A new entity: as it would be (PROPOSED, REJECTED), or the entity it became or was merged into (ACCEPTED).',
  })
  entity: Entity | null;

  @Field(() => Mention, { nullable: true, description: 'A sentence naming a known entity.' })
  mention: Mention | null;

  @Field(() => Statistic, { nullable: true, description: 'A number the article states: as it would be recorded, or the statistic it became.' })
  statistic: Statistic | null;

  @Field(() => Quotation, { nullable: true, description: 'Words someone said: as they would be recorded, or the quotation they became.' })
  quotation: Quotation | null;

  @Field(() => Relation, { nullable: true, description: 'A link the ontology has a pattern for: as it would be, or the relation it became.' })
  relation: Relation | null;

  @Field(() => [String], { description: 'What the extractor read, for the reviewer: the cues of a guessed kind, the pattern of a relation, the unresolved words of a period.' })
  notes: string[];

  @Field({ description: 'When the article was ingested (ISO 8601 date-time).' })
  proposedAt: string;

  @Field(() => String, { nullable: true, description: "Who decided: the fingerprint of the editor's API key, or \"ingestion\" for a withdrawal." })
  reviewedBy: string | null;

  @Field(() => String, { nullable: true, description: 'When it was decided (ISO 8601 date-time).' })
  reviewedAt: string | null;

  @Field(() => String, { nullable: true, description: 'What the decision did beyond the fact: a merge, a speaker not found, a withdrawal.' })
  reviewNote: string | null;
}

export const { Edge: ProposalEdge, Connection: ProposalConnection } = connectionTypes('Proposal', () => Proposal);

@ObjectType({ description: 'What ingesting an article did.' })
export class IngestResult {
  @Field(() => Article, { description: 'The article as stored; for a dry run, as it would be.' })
  article: Article;

  @Field({ description: 'False when the same text was already in the graph (nothing changed).' })
  created: boolean;

  @Field(() => [Proposal], { description: 'What awaits review: the new proposals, or, for a text already ingested, its pending ones.' })
  proposals: Proposal[];

  @Field(() => [String], { description: 'What was accepted but deserves a look: no publication date, a publisher not linked, a new revision.' })
  warnings: string[];
}
