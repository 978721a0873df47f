import { anchorAt, sentenceSpans, type ArticleScope } from '../article';
import { accountedProperties, entityIdFor, nameKeysOf, References, slugify, type EntityRecord, type EntityScope } from '../entity';
import { BadUserInputError, BorderKgError } from '../errors';
import type { ChangeRecorder, RecordingTransaction } from '../history';
import { isConstraintViolation } from '../neo4j/neo4j-errors';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { ENTITY_KINDS, EntityKind, isCuratedEntityKind, MENTIONS, type ExtractionReview, type Provenance } from '../ontology';
import { mergeQuotations, QUOTATION_ID_PREFIX, toQuotationWrite } from '../quotation';
import { relationId, type RelationScope } from '../relation';
import type { StatisticScope } from '../statistic';
import { readArticleInput, type ArticleInputFields } from './article-input';
import type { KnownEntity } from './extraction.types';
import type { IngestionRepository, ProposalDecisionWrite } from './ingestion.repository';
import { applyEdit, type ProposalEdit } from './proposal-edit';
import type { ProposalDraft, ProposalPayload, ProposalRecord } from './proposal.record';
import { proposeArticle } from './propose';

/** Kinds that can speak: an accepted quotation's speaker must be one. */
const SPEAKER_KINDS: readonly EntityKind[] = [EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.PARTY];
/** Decisions per reviewProposals call: a page of proposals at most, as one transaction. */
export const MAX_DECISIONS = 100;
/** Proposals are decided in this order, so that a relation or quotation finds the entity accepted beside it. */
const DECISION_ORDER: readonly ProposalPayload['kind'][] = ['ENTITY', 'MENTION', 'STATISTIC', 'QUOTATION', 'RELATION'];

export interface IngestOptions {
  dryRun: boolean;
  /**
   * The entities to match names against; read from the graph when absent. A folder's ingestion
   * reads them once: ingesting changes no entity (only an editor's review does).
   */
  knownEntities?: readonly KnownEntity[];
}

export interface IngestOutcome {
  /** The article as stored (or, for a dry run, as it would be), with its text. */
  article: EntityRecord & { text: string };
  /** False when the same text was already in the graph: nothing changed. */
  created: boolean;
  /** What awaits review: the new proposals, or, for a known text, its pending ones. */
  proposals: ProposalRecord[];
  /** What was accepted but deserves a look, in plain words. */
  warnings: string[];
}

export interface ProposalDecisionInput {
  id: string;
  accept: boolean;
  edit?: ProposalEdit | null;
  mergeIntoId?: string | null;
}

/** The domains whose writes an accepted proposal becomes (each keeps its own rules). */
export interface FactWriters {
  entities: EntityScope;
  articles: ArticleScope;
  relations: RelationScope;
  statistics: StatisticScope;
}

/** Far more than an article yields (a generated article of 5,800 characters: about 160): a known text's pending proposals are returned whole. */
const MAX_PROPOSALS_PER_ARTICLE = 10_000;
/** Plans of an article's id that a concurrent ingestion may overtake before the write is retried. */
const MAX_PLANNING_ATTEMPTS = 3;
/** The longest article id slug: ids stay readable in a URL. */
const MAX_SLUG = 80;
/** Headings become titles up to this length; longer first lines are cut at a word. */
const MAX_TITLE = 160;

/**
 * Ingestion's rules (issue 12): an article in, its proposals stored for review, in one
 * transaction; the same text twice a no-op; a changed text a new revision. Reviewing turns
 * accepted proposals into ordinary facts through the other domains' own writes.
 */
export class IngestionService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly repository: IngestionRepository,
    private readonly writers: FactWriters,
    private readonly recorder: ChangeRecorder,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async ingest(input: ArticleInputFields, options: IngestOptions): Promise<IngestOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ingestOnce(input, options);
      } catch (error) {
        // What the article's id and revision were planned from changed before the write: the
        // same text, or the id, was written meanwhile (the constraints of 004_ingestion refused
        // the second writer). Planned again, it is a no-op, or the next revision, or the next free id.
        if (!isConstraintViolation(error) || attempt === MAX_PLANNING_ATTEMPTS) throw error;
      }
    }
  }

  private async ingestOnce(input: ArticleInputFields, options: IngestOptions): Promise<IngestOutcome> {
    const now = this.clock().toISOString();
    const read = readArticleInput(input, now.slice(0, 10));
    const warnings = [...read.warnings];
    const knownEntities = options.knownEntities ?? (await this.repository.knownEntities());
    const title = read.title ?? titleFromText(read.text);
    const identityKey = read.url ? `url:${read.url}` : `title:${title.toLowerCase()}|${(read.publisher ?? '').toLowerCase()}`;
    const baseId = `article:${slugify(title).slice(0, MAX_SLUG).replace(/-+$/, '') || read.contentHash.slice(0, 12)}`;
    const publisher = read.publisher === null ? null : organizationNamed(read.publisher, knownEntities);
    if (read.publisher !== null && publisher === null) {
      warnings.push(`publisher "${read.publisher}" matches no organization of the graph: kept as the article's publisherName, not linked`);
    }

    // Planned from a read, and extracted, before the write transaction opens: extraction is the
    // costly part, and holding a transaction open through it would hold its locks as long.
    const prior = await this.repository.priorArticles(read.contentHash, identityKey, candidateIds(baseId));
    if (prior.sameId !== null) {
      const proposals = await this.repository.page({ articleId: prior.sameId, status: 'PROPOSED' }, { afterKey: null, limit: MAX_PROPOSALS_PER_ARTICLE });
      const [article] = (await this.writers.entities.repository.findByIds([prior.sameId])).values();
      const text = (await this.writers.articles.repository.textsOf([prior.sameId])).get(prior.sameId) ?? read.text;
      return { article: { ...article!, text }, created: false, proposals: proposals.items.map((item) => item.node), warnings: [...warnings, 'the same text is in the graph already: nothing changed'] };
    }
    const revision = prior.earlier ? prior.earlier.revision + 1 : 1;
    const id = prior.earlier ? `${prior.earlier.id.replace(/--r\d+$/, '')}--r${revision}` : firstFree(baseId, prior.takenIds);
    if (prior.earlier) warnings.push(`a new revision (${revision}) of ${prior.earlier.id}: its evidence stays valid against its own text; its pending proposals are withdrawn`);

    const drafts = proposeArticle({ id, text: read.text, publishedOn: read.publishedOn }, knownEntities);
    const article = { id, kind: EntityKind.ARTICLE, name: title, title, aliases: [], description: null, url: read.url, publishedOn: read.publishedOn, text: read.text } satisfies EntityRecord;
    const proposals: ProposalRecord[] = drafts.map((draft) => ({ ...draft, typeName: 'Proposal', status: 'PROPOSED', proposedAt: now, review: null }));
    if (options.dryRun) return { article, created: true, proposals, warnings };

    const properties = {
      kind: EntityKind.ARTICLE,
      name: title,
      title,
      aliases: [],
      nameKeys: nameKeysOf(title, []),
      description: null,
      text: read.text,
      url: read.url,
      publisherName: read.publisher,
      publishedOnInferred: false,
      contentHash: read.contentHash,
      identityKey,
      revision,
      revisionOf: prior.earlier?.id ?? null,
    };
    // One transaction per article: all of it is written, or none. The history records the article
    // and its publisher's link; proposals are not facts, and each records its own review.
    await this.executor.writeTransaction(async (transaction) => {
      const tx = this.recorder.recording(transaction, 'ingestArticle');
      const previousId = prior.earlier?.id ?? null;
      const created = await this.repository.createArticle(tx, { id, previousId, publishedOn: read.publishedOn, ingestedAt: now, properties });
      await tx.record({ what: id, entityIds: [id], before: null, after: accountedProperties(created.stored) });
      if (previousId !== null) {
        await tx.record({ what: previousId, entityIds: [previousId], before: created.previousBefore, after: { ...created.previousBefore, supersededById: id } });
        await this.repository.withdrawSuperseded(tx, previousId, id, now);
      }
      await this.repository.createProposals(tx, drafts, now);
      warnings.push(...(await this.linkPublisher(tx, id, publisher, drafts)));
    });
    return { article, created: true, proposals, warnings };
  }

  /**
   * PUBLISHED_BY needs words that back it: the first sentence that names the publisher. The
   * editor's say-so is the inference, so the link is INFERRED with that reason.
   */
  private async linkPublisher(tx: RecordingTransaction, articleId: string, publisher: KnownEntity | null, drafts: readonly ProposalDraft[]): Promise<string[]> {
    if (publisher === null) return [];
    const naming = drafts.find((draft) => draft.payload.kind === 'MENTION' && draft.payload.mention.entityId === publisher.id);
    if (!naming || naming.payload.kind !== 'MENTION') {
      return [`publisher ${publisher.id} is never named in the text: no PUBLISHED_BY link (a relation needs words that back it); kept as publisherName`];
    }
    await this.writers.relations.service.mergeIn(tx, [{ type: 'PUBLISHED_BY', fromId: articleId, toId: publisher.id, evidence: [{ articleId, quote: naming.payload.mention.sentence }] }], {
      kind: 'INFERRED',
      reason: `the editor named ${publisher.name} as the publisher at ingestion; this sentence names it`,
    });
    return [];
  }

  /**
   * Decides proposals in one transaction: all decisions hold, or none (a refused one names its
   * index in `extensions.field`). Deciding a proposal the same way again changes nothing.
   */
  async review(decisions: readonly ProposalDecisionInput[], reviewedBy: string): Promise<ProposalRecord[]> {
    if (decisions.length === 0) throw new BadUserInputError('decisions is empty', { field: 'decisions' });
    if (decisions.length > MAX_DECISIONS) {
      throw new BadUserInputError(`decisions has ${decisions.length} entries; the limit is ${MAX_DECISIONS}`, { field: 'decisions', limit: MAX_DECISIONS });
    }
    const seen = new Set<string>();
    decisions.forEach((decision, index) => {
      if (seen.has(decision.id)) throw new BadUserInputError(`decisions[${index}].id repeats ${decision.id}`, { field: `decisions[${index}].id` });
      seen.add(decision.id);
      if (!decision.accept && (decision.edit || decision.mergeIntoId)) {
        throw new BadUserInputError(`decisions[${index}]: edit and mergeIntoId go with accept: true`, { field: `decisions[${index}].accept` });
      }
    });
    const reviewedAt = this.clock().toISOString();

    return this.executor.writeTransaction(async (transaction) => {
      const tx = this.recorder.recording(transaction, 'reviewProposals');
      const found = await this.repository.lockByIds(tx, decisions.map((decision) => decision.id));
      const indexed = decisions.map((decision, index) => {
        const proposal = found.get(decision.id);
        if (!proposal) throw new BadUserInputError(`decisions[${index}].id: no proposal ${decision.id}`, { field: `decisions[${index}].id` });
        return { decision, index, proposal };
      });
      const order = (kind: ProposalPayload['kind']) => DECISION_ORDER.indexOf(kind);
      indexed.sort((a, b) => order(a.proposal.payload.kind) - order(b.proposal.payload.kind) || a.index - b.index);

      const writes: ProposalDecisionWrite[] = [];
      const unchanged: ProposalRecord[] = [];
      for (const { decision, index, proposal } of indexed) {
        const status = decision.accept ? 'ACCEPTED' : 'REJECTED';
        if (proposal.status !== 'PROPOSED') {
          if (proposal.status === status && !decision.edit && !decision.mergeIntoId) {
            unchanged.push(proposal);
            continue;
          }
          throw new BadUserInputError(
            `decisions[${index}]: ${proposal.id} was ${proposal.status} by ${proposal.review?.reviewedBy ?? 'someone'} at ${proposal.review?.reviewedAt ?? 'an earlier time'}`,
            { field: `decisions[${index}].id`, status: proposal.status },
          );
        }
        if (!decision.accept) {
          writes.push({ id: proposal.id, status, factId: null, note: null, payload: null });
          continue;
        }
        const payload = decision.edit ? applyEdit(proposal.payload, decision.edit, `decisions[${index}].edit`) : proposal.payload;
        const review: ExtractionReview = { proposalId: proposal.id, extractor: proposal.extractor, reviewedBy, reviewedAt };
        const accepted = await inField(`decisions[${index}]`, () => this.accept(tx, proposal, payload, decision.mergeIntoId ?? null, review));
        writes.push({ id: proposal.id, status, factId: accepted.factId, note: accepted.note, payload: decision.edit ? JSON.stringify(payload) : null });
      }
      const decided = await this.repository.decide(tx, writes, reviewedBy, reviewedAt);
      await this.linkAcceptedComparisons(tx, [...new Set(decided.map((proposal) => proposal.articleId))]);
      const byId = new Map([...decided, ...unchanged].map((proposal) => [proposal.id, proposal]));
      return decisions.map((decision) => byId.get(decision.id)!);
    });
  }

  /**
   * Writes what an accepted proposal states, with EXTRACTED provenance, through the other domains'
   * writes, which record it in the history; the fact's id, and a note for a merge.
   */
  private async accept(
    tx: RecordingTransaction,
    proposal: ProposalRecord,
    payload: ProposalPayload,
    mergeIntoId: string | null,
    review: ExtractionReview,
  ): Promise<{ factId: string; note: string | null }> {
    const provenance: Provenance = { kind: 'EXTRACTED', review };
    const { articles, entities, relations, statistics } = this.writers;
    if (mergeIntoId !== null && payload.kind !== 'ENTITY') {
      throw new BadUserInputError(`mergeIntoId merges a candidate entity; ${proposal.id} proposes a ${payload.kind.toLowerCase()}`, { field: 'mergeIntoId' });
    }
    switch (payload.kind) {
      case 'ENTITY': {
        const { entity } = payload;
        const targetId = mergeIntoId ?? entityIdFor(entity.kind, entity.name);
        const existing = (await References.load(tx, [targetId])).find(targetId);
        if (mergeIntoId !== null && !existing) throw new BadUserInputError(`mergeIntoId: no entity ${mergeIntoId}`, { field: 'mergeIntoId' });
        if (existing && !isCuratedEntityKind(existing.kind)) {
          throw new BadUserInputError(`${targetId} is a ${existing.kind}: candidates merge into people, organizations, places and the like`, { field: 'mergeIntoId' });
        }
        if (existing) {
          // The id derived from the candidate's name is taken: by the entity of that name, or refused.
          if (mergeIntoId === null) await entities.service.requireNamedIn(tx, existing, entity.name, 'edit.name');
          // The candidate's names become aliases of the entity they name: merging is one call.
          await entities.service.addAliasesIn(tx, targetId, [entity.name, ...entity.aliases], provenance, mergeIntoId === null ? 'edit.name' : 'mergeIntoId');
        } else {
          await entities.service.upsertIn(tx, { kind: entity.kind, name: entity.name, aliases: entity.aliases }, provenance);
        }
        const text = (await References.load(tx, [proposal.articleId])).require(proposal.articleId, 'id', [EntityKind.ARTICLE]).text ?? '';
        const sentences = sentenceSpans(text);
        for (const { position, start, end } of entity.occurrences) {
          const anchor = anchorAt(text, start, end);
          await articles.repository.addMention(tx, { entityId: targetId, articleId: proposal.articleId, sentence: sentences[position]!.sentence, position, anchor });
        }
        return { factId: targetId, note: existing ? `${entity.name} became an alias of ${targetId}` : null };
      }
      case 'MENTION': {
        const { mention } = payload;
        (await References.load(tx, [mention.entityId])).require(mention.entityId, 'entityId', ENTITY_KINDS);
        const added = await articles.repository.addMention(tx, { entityId: mention.entityId, articleId: proposal.articleId, sentence: mention.sentence, position: mention.position, anchor: proposal.anchor });
        await tx.record({ what: relationId(proposal.articleId, MENTIONS, mention.entityId), entityIds: [proposal.articleId, mention.entityId], ...added });
        return { factId: mention.entityId, note: null };
      }
      case 'STATISTIC': {
        const { statistic } = payload;
        const recorded = await statistics.service.recordIn(
          tx,
          {
            measure: statistic.measure,
            value: statistic.value,
            unit: statistic.unit,
            qualifier: statistic.qualifier,
            period: statistic.period && { start: statistic.period.start, end: statistic.period.end, label: statistic.period.label },
            originId: statistic.originId,
            destinationId: statistic.destinationId,
            placeIds: statistic.placeIds,
            reportedById: statistic.reportedById,
            collectedById: statistic.collectedById,
            sourceId: proposal.articleId,
            evidence: statistic.sentence,
          },
          undefined,
          provenance,
        );
        return { factId: recorded.id, note: null };
      }
      case 'QUOTATION': {
        const { quotation } = payload;
        const speakerId = quotation.speakerId ?? (quotation.attributedTo ? await this.speakerNamed(tx, quotation.attributedTo) : null);
        if (speakerId) (await References.load(tx, [speakerId])).require(speakerId, 'edit.speakerId', SPEAKER_KINDS);
        const id = `${QUOTATION_ID_PREFIX}${proposal.articleId.replace(/^article:/, '')}-${proposal.anchor.start}`;
        const { direct, attribution, attributedTo } = quotation;
        const [written] = await mergeQuotations(tx, [toQuotationWrite({ id, articleId: proposal.articleId, speakerId, direct, attribution, attributedTo, anchor: proposal.anchor }, provenance)]);
        await tx.record({ what: id, entityIds: speakerId ? [proposal.articleId, speakerId] : [proposal.articleId], before: written!.before, after: written!.after });
        return { factId: id, note: speakerId ? null : `no speaker: the graph has no entity named "${quotation.attributedTo ?? ''}"` };
      }
      case 'RELATION': {
        const { relation } = payload;
        const fromId = relation.from.entityId ?? (await this.entityNamed(tx, relation.from.name, 'edit.fromId'));
        const toId = relation.to.entityId ?? (await this.entityNamed(tx, relation.to.name, 'edit.toId'));
        await relations.service.linkIn(tx, { type: relation.type, fromId, toId, evidence: [{ articleId: proposal.articleId, quote: relation.sentence }] }, provenance);
        return { factId: relationId(fromId, relation.type, toId), note: null };
      }
    }
  }

  /** A speaker the article names with words the graph knows now (an entity accepted since, say). */
  private async speakerNamed(tx: CypherTransaction, words: string): Promise<string | null> {
    const found = await this.writers.entities.repository.findByNameIn(tx, words);
    return found && SPEAKER_KINDS.includes(found.kind) ? found.id : null;
  }

  /** A relation's end proposed as a new entity must have been accepted (or merged) first. */
  private async entityNamed(tx: CypherTransaction, name: string, field: string): Promise<string> {
    const found = await this.writers.entities.repository.findByNameIn(tx, name);
    if (!found) throw new BadUserInputError(`the graph has no entity named "${name}": accept (or merge) its entity proposal first, or name the end in ${field}`, { field });
    return found.id;
  }

  /**
   * Comparisons between statistics ("up from", "a drop of 78% from") hold once both ends are
   * accepted, in whichever order, in one call or two: every accepted statistic of the articles
   * decided is linked to the accepted statistics it compares with. MERGE makes this idempotent.
   */
  private async linkAcceptedComparisons(tx: RecordingTransaction, articleIds: readonly string[]): Promise<void> {
    for (const articleId of articleIds) {
      const accepted = await this.repository.acceptedStatistics(tx, articleId);
      const factOf = new Map(accepted.map((proposal) => [proposal.id, proposal.review?.factId ?? null]));
      const links = accepted.flatMap((proposal) => {
        if (proposal.payload.kind !== 'STATISTIC') return [];
        const { statistic } = proposal.payload;
        const fromId = proposal.review?.factId;
        return statistic.comparisons.flatMap((comparison) => {
          const toId = factOf.get(comparison.toProposalId);
          // Two proposals of the same facts are one statistic, which compares with nothing in itself.
          return fromId && toId && fromId !== toId ? [{ type: comparison.type, fromId, toId, evidence: [{ articleId, quote: statistic.sentence }] }] : [];
        });
      });
      if (links.length > 0) await this.writers.relations.service.mergeIn(tx, links);
    }
  }
}

/** Up to 99 articles may share a title: "article:x", "article:x-2", ... */
function candidateIds(baseId: string): string[] {
  return [baseId, ...Array.from({ length: 98 }, (_, index) => `${baseId}-${index + 2}`)];
}

function firstFree(baseId: string, taken: readonly string[]): string {
  const free = candidateIds(baseId).find((id) => !taken.includes(id));
  if (!free) throw new BadUserInputError(`99 articles are titled like this one already (${baseId}); give it another title`, { field: 'input.title' });
  return free;
}

/** An untitled article is titled by its first line, cut at a word. */
function titleFromText(text: string): string {
  const firstLine = text.split('\n', 1)[0]!;
  if (firstLine.length <= MAX_TITLE) return firstLine;
  const cut = firstLine.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2))}…`;
}

function organizationNamed(name: string, knownEntities: readonly KnownEntity[]): KnownEntity | null {
  const key = name.trim().toLowerCase();
  return knownEntities.find((entity) => entity.kind === EntityKind.ORGANIZATION && nameKeysOf(entity.name, entity.aliases).includes(key)) ?? null;
}

/** Refusals of the domains' writes name their own fields ("input.unit"); here they belong to one decision. */
async function inField<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BorderKgError && error.code === 'BAD_USER_INPUT') {
      const field = String(error.extensions.field ?? '').replace(/^input\.?/, '');
      throw new BadUserInputError(`${prefix}: ${error.message}`, { ...error.extensions, field: field ? `${prefix}.${field}` : prefix });
    }
    throw error;
  }
}
