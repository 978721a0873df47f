import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Article, type MentionRecord } from '../article';
import { entityIdFor, type EntityRecord } from '../entity';
import { UnauthenticatedError } from '../errors';
import { toConnection, type Connection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { toIsoDate } from '../graphql/scalars';
import { toPageRequest } from '../paging';
import type { QuotationRecord } from '../quotation';
import { parseRelationId, relationId, type RelationRecord } from '../relation';
import { statisticIdFor, statisticNameFor } from '../statistic';
import { ArticleProposalsArgs, ProposalsArgs } from './ingestion.args';
import type { IngestionContext } from './ingestion.context';
import { MAX_DECISIONS } from './ingestion.service';
import { ArticleInput, ProposalDecision } from './ingestion.input';
import type { RelationEndProposal, ProposalRecord } from './proposal.record';
import { IngestResult, Proposal, ProposalConnection } from './proposal.type';

@Resolver(() => Proposal)
export class IngestionResolver {
  @Query(() => ProposalConnection, { description: 'What ingestion extracted and awaits review (or was reviewed).', complexity: pageCost })
  async proposals(@Args() { articleId, status, ...pageArgs }: ProposalsArgs, @Ctx() { ingestion }: IngestionContext): Promise<Connection<ProposalRecord>> {
    const request = toPageRequest(pageArgs);
    return toConnection(await ingestion.repository.page({ articleId: articleId ?? null, status: status ?? 'PROPOSED' }, request), request);
  }

  @Authorized('editor')
  @Mutation(() => IngestResult, {
    description: 'Stores the article and proposes what it states; dryRun returns the proposals and stores nothing. The same text twice is a no-op. Needs an editor key.',
  })
  async ingestArticle(
    @Arg('input', () => ArticleInput, { description: 'The article and what is known about it.' }) input: ArticleInput,
    @Arg('dryRun', { nullable: true, defaultValue: false, description: 'True: return the proposals, store nothing.' }) dryRun: boolean,
    @Ctx() { ingestion, entities, articles }: IngestionContext,
  ) {
    const outcome = await ingestion.service.ingest(
      {
        text: input.text,
        format: input.format ?? 'TEXT',
        title: input.title,
        url: input.url,
        publisher: input.publisher,
        publishedOn: input.publishedOn ? toIsoDate(input.publishedOn) : null,
      },
      { dryRun: dryRun ?? false },
    );
    // A dry run's article is nowhere but here: its fields (text, anchors) resolve from this.
    const { text, ...article } = outcome.article;
    entities.replace(article);
    articles.texts.clear(article.id).prime(article.id, text);
    return outcome;
  }

  @Authorized('editor')
  @Mutation(() => [Proposal], {
    description: 'Accepts or rejects proposals, in one transaction; an accepted one becomes an ordinary fact of the graph, its provenance EXTRACTED with this review. Needs an editor key.',
  })
  async reviewProposals(@Arg('decisions', () => [ProposalDecision], { description: `At most ${MAX_DECISIONS}; all hold or none.` }) decisions: ProposalDecision[], @Ctx() { ingestion, viewer }: IngestionContext) {
    if (!viewer.keyId) throw new UnauthenticatedError();
    return ingestion.service.review(
      decisions.map(({ edit, ...decision }) => ({
        ...decision,
        edit: edit && { ...edit, period: edit.period ? { start: toIsoDate(edit.period.start), end: toIsoDate(edit.period.end), label: edit.period.label } : null },
      })),
      viewer.keyId,
    );
  }

  @FieldResolver()
  kind(@Root() proposal: ProposalRecord) {
    return proposal.payload.kind;
  }

  @FieldResolver(() => Article)
  article(@Root() proposal: ProposalRecord, @Ctx() { entities }: IngestionContext) {
    return entities.load(proposal.articleId);
  }

  @FieldResolver()
  notes(@Root() { payload }: ProposalRecord): string[] {
    switch (payload.kind) {
      case 'ENTITY':
        return payload.entity.cues;
      case 'STATISTIC':
        return payload.statistic.periodText && !payload.statistic.period ? [`period not resolved: "${payload.statistic.periodText}"`] : payload.statistic.period ? [payload.statistic.period.rule] : [];
      case 'QUOTATION':
        return payload.quotation.speakerId === null ? [payload.quotation.attributedTo ? `speaker not in the graph: "${payload.quotation.attributedTo}"` : 'no speaker named'] : [];
      case 'RELATION':
        return [`pattern: ${payload.relation.pattern}`];
      case 'MENTION':
        return [];
    }
  }

  @FieldResolver()
  reviewedBy(@Root() proposal: ProposalRecord) {
    return proposal.review?.reviewedBy ?? null;
  }

  @FieldResolver()
  reviewedAt(@Root() proposal: ProposalRecord) {
    return proposal.review?.reviewedAt ?? null;
  }

  @FieldResolver()
  reviewNote(@Root() proposal: ProposalRecord) {
    return proposal.review?.note ?? null;
  }

  /** A new entity: the entity it became, or else the one it would be (an existing one of its id, if any). */
  @FieldResolver()
  async entity(@Root() proposal: ProposalRecord, @Ctx() context: IngestionContext): Promise<EntityRecord | null> {
    if (proposal.payload.kind !== 'ENTITY') return null;
    const accepted = factOf(proposal);
    if (accepted) return context.entities.load(accepted);
    const { kind, name, aliases } = proposal.payload.entity;
    return entityAsProposed(context, { entityId: null, kind, name }, aliases);
  }

  @FieldResolver()
  mention(@Root() proposal: ProposalRecord): MentionRecord | null {
    if (proposal.payload.kind !== 'MENTION') return null;
    const { entityId, sentence, position } = proposal.payload.mention;
    return { entityId, articleId: proposal.articleId, sentence, position, anchor: proposal.anchor };
  }

  @FieldResolver()
  async statistic(@Root() proposal: ProposalRecord, @Ctx() { entities, statistics }: IngestionContext): Promise<EntityRecord | null> {
    if (proposal.payload.kind !== 'STATISTIC') return null;
    const { statistic } = proposal.payload;
    const facts = { ...statistic, sourceId: proposal.articleId, evidence: statistic.sentence };
    const id = factOf(proposal) ?? statisticIdFor(facts);
    // The same number recorded already (from another article, or accepted) is that statistic.
    const recorded = await entities.load(id);
    if (recorded) return recorded;
    const [origin, destination] = await Promise.all([statistic.originId, statistic.destinationId].map((placeId) => (placeId ? entities.load(placeId) : null)));
    const asProposed: EntityRecord = {
      id,
      kind: 'STATISTIC',
      name: statisticNameFor(facts, origin?.name ?? null, destination?.name ?? null),
      aliases: [],
      description: null,
      measure: statistic.measure,
      value: statistic.value,
      valueText: statistic.valueText,
      unit: statistic.unit,
      qualifier: statistic.qualifier,
      period: statistic.period && { start: statistic.period.start, end: statistic.period.end, label: statistic.period.label },
      evidence: statistic.sentence,
      sourceId: proposal.articleId,
    };
    const { originId, destinationId, placeIds, reportedById, collectedById } = statistic;
    // Every link given (none absent), so that no field of the proposed statistic looks for it in the graph.
    const links = { originId: originId ?? null, destinationId: destinationId ?? null, placeIds, reportedById: reportedById ?? null, collectedById: collectedById ?? null };
    statistics.remember([{ statistic: asProposed, links, related: [] }]);
    return asProposed;
  }

  @FieldResolver()
  async quotation(@Root() proposal: ProposalRecord, @Ctx() { quotations }: IngestionContext): Promise<QuotationRecord | null> {
    if (proposal.payload.kind !== 'QUOTATION') return null;
    const accepted = factOf(proposal);
    if (accepted) return quotations.load(accepted);
    const { quotation } = proposal.payload;
    return {
      typeName: 'Quotation',
      id: proposal.id,
      text: proposal.anchor.exact,
      direct: quotation.direct,
      attribution: quotation.attribution,
      attributedTo: quotation.attributedTo,
      speakerId: quotation.speakerId,
      articleId: proposal.articleId,
      anchor: proposal.anchor,
      provenance: null,
    };
  }

  @FieldResolver()
  async relation(@Root() proposal: ProposalRecord, @Ctx() context: IngestionContext): Promise<RelationRecord | null> {
    if (proposal.payload.kind !== 'RELATION') return null;
    const accepted = factOf(proposal);
    const ends = accepted ? parseRelationId(accepted) : null;
    if (ends) return context.relations.repository.findByEnds(ends);
    const { relation } = proposal.payload;
    const [from, to] = await Promise.all([entityAsProposed(context, relation.from, []), entityAsProposed(context, relation.to, [])]);
    return {
      id: relationId(from.id, relation.type, to.id),
      type: relation.type,
      fromId: from.id,
      toId: to.id,
      evidence: [{ articleId: proposal.articleId, quote: relation.sentence }],
    };
  }
}

/** What ingestion proposed from an article: this domain's field on Article. */
@Resolver(() => Article)
export class ArticleProposalsResolver {
  @FieldResolver(() => ProposalConnection, {
    description: 'What ingestion proposed from this article, in the order of the text: PROPOSED (awaiting review) unless another status is asked for.',
    complexity: pageCost,
  })
  async proposals(@Root() article: EntityRecord, @Args() { status, ...pageArgs }: ArticleProposalsArgs, @Ctx() { ingestion }: IngestionContext): Promise<Connection<ProposalRecord>> {
    const request = toPageRequest(pageArgs);
    return toConnection(await ingestion.repository.page({ articleId: article.id, status: status ?? 'PROPOSED' }, request), request);
  }
}

function factOf(proposal: ProposalRecord): string | null {
  return proposal.status === 'ACCEPTED' ? (proposal.review?.factId ?? null) : null;
}

/**
 * An entity as a proposal names it: a known one, the entity of its id if the graph has it, or
 * else the entity it would become, remembered for this request so relations can reach it.
 */
async function entityAsProposed({ entities }: IngestionContext, end: RelationEndProposal, aliases: string[]): Promise<EntityRecord> {
  const id = end.entityId ?? entityIdFor(end.kind, end.name);
  const stored = await entities.load(id);
  if (stored) return stored;
  const asProposed: EntityRecord = { id, kind: end.kind, name: end.name, aliases, description: null };
  entities.replace(asProposed);
  return asProposed;
}
