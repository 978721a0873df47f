import { createHash } from 'node:crypto';
import { entityIdFor } from '../entity';
import { extractCandidateEntities, type CandidateEntity } from './extract-entities';
import { extractMentions, knownNamePatterns } from './extract-mentions';
import { extractQuotations } from './extract-quotations';
import { extractRelations } from './extract-relations';
import { extractStatistics } from './extract-statistics';
import type { CandidateStatistic, KnownEntity } from './extraction.types';
import type { ProposalDraft, ProposalKind, ProposalPayload } from './proposal.record';

/**
 * The extractors by name, each with the version its proposals record: a reviewer (and a later
 * re-ingestion) can tell which rules proposed what. Bump a version when its rules change what it finds.
 */
export const EXTRACTORS = {
  entities: 'entities@1',
  mentions: 'mentions@1',
  statistics: 'statistics@1',
  quotations: 'quotations@1',
  relations: 'relations@1',
} as const;

/** A proposal's id: stable for one article's text, so a dry run shows the ids a real run stores. */
export function proposalIdFor(articleId: string, kind: ProposalKind, start: number, end: number, discriminator: string): string {
  const digest = createHash('sha256').update(JSON.stringify([articleId, kind, start, end, discriminator])).digest('hex');
  return `proposal:${digest.slice(0, 20)}`;
}

export interface ArticleToPropose {
  id: string;
  text: string;
  publishedOn: string | null;
}

/**
 * Everything the extractors find in an article, as proposals in text order: candidate entities,
 * mentions of known entities, statistics, quotations and relations. Pure and offline.
 */
export function proposeArticle(article: ArticleToPropose, knownEntities: readonly KnownEntity[]): ProposalDraft[] {
  const { id: articleId, text } = article;
  const patterns = knownNamePatterns(knownEntities);
  const drafts: ProposalDraft[] = [];
  const add = (kind: ProposalKind, extractor: string, confidence: number, anchor: ProposalDraft['anchor'], discriminator: string, payload: ProposalPayload) =>
    drafts.push({ id: proposalIdFor(articleId, kind, anchor.start, anchor.end, discriminator), articleId, confidence: round(confidence), extractor, anchor, payload });

  const candidates = extractCandidateEntities(text, knownEntities);
  for (const candidate of candidates) {
    const first = candidate.occurrences[0]!;
    add('ENTITY', EXTRACTORS.entities, candidate.confidence, first.anchor, entityIdFor(candidate.kind, candidate.name), {
      kind: 'ENTITY',
      entity: {
        kind: candidate.kind,
        name: candidate.name,
        aliases: candidate.aliases,
        cues: candidate.cues,
        occurrences: candidate.occurrences.map(({ position, anchor }) => ({ position, start: anchor.start, end: anchor.end })),
      },
    });
  }

  for (const mention of extractMentions(text, patterns)) {
    add('MENTION', EXTRACTORS.mentions, 0.9, mention.anchor, mention.entityId, {
      kind: 'MENTION',
      mention: { entityId: mention.entityId, position: mention.position, sentence: mention.sentence },
    });
  }

  const statistics = extractStatistics(text, { publishedOn: article.publishedOn, knownEntities });
  const statisticIds = new Map(statistics.map((statistic) => [statistic.key, proposalIdFor(articleId, 'STATISTIC', statistic.anchor.start, statistic.anchor.end, statistic.measure)]));
  for (const statistic of statistics) {
    add('STATISTIC', EXTRACTORS.statistics, statistic.confidence, statistic.anchor, statistic.measure, {
      kind: 'STATISTIC',
      statistic: statisticProposal(statistic, statisticIds),
    });
  }

  for (const quotation of extractQuotations(text, knownEntities)) {
    add('QUOTATION', EXTRACTORS.quotations, quotation.confidence, quotation.anchor, String(quotation.direct), {
      kind: 'QUOTATION',
      quotation: {
        text: quotation.text,
        direct: quotation.direct,
        speakerId: quotation.speakerId,
        attributedTo: quotation.speakerId === null ? speakerName(quotation.attributedTo, candidates) : quotation.attributedTo,
        attribution: quotation.attribution,
        position: quotation.position,
        sentence: quotation.sentence,
      },
    });
  }

  for (const relation of extractRelations(text, knownEntities, candidates, { articleId })) {
    add('RELATION', EXTRACTORS.relations, relation.confidence, relation.anchor, `${relation.type} ${relation.from.name} ${relation.to.name}`, {
      kind: 'RELATION',
      relation: { type: relation.type, from: relation.from, to: relation.to, sentence: relation.sentence, pattern: relation.pattern },
    });
  }

  return drafts.sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.id.localeCompare(b.id));
}

function statisticProposal(statistic: CandidateStatistic, idsByKey: ReadonlyMap<string, string>) {
  return {
    measure: statistic.measure,
    value: statistic.value,
    valueText: statistic.valueText,
    unit: statistic.unit,
    qualifier: statistic.qualifier,
    period: statistic.period,
    periodText: statistic.periodText ?? null,
    originId: statistic.originId ?? null,
    destinationId: statistic.destinationId ?? null,
    placeIds: statistic.placeIds,
    reportedById: statistic.reportedById ?? null,
    collectedById: statistic.collectedById ?? null,
    comparisons: statistic.comparisons.flatMap((comparison) => {
      const toProposalId = idsByKey.get(comparison.toKey);
      return toProposalId ? [{ type: comparison.type, toProposalId }] : [];
    }),
    sentence: statistic.sentence.text,
  };
}

/**
 * An unknown speaker's words, completed to the candidate entity they name ("Doe" stands for
 * "Jane Doe" proposed from the same article), so accepting that entity gives the quotation its speaker.
 */
function speakerName(attributedTo: string | null, candidates: readonly CandidateEntity[]): string | null {
  if (attributedTo === null) return null;
  const named = candidates.find((candidate) => candidate.name === attributedTo || candidate.aliases.includes(attributedTo));
  return named ? named.name : attributedTo;
}

const round = (confidence: number) => Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
