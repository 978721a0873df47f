import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { normaliseText } from '../article';
import { fromProjectRoot } from '../config/project-root';
import type { EntityKind } from '../ontology';
import { extractStatistics } from './extract-statistics';
import type { CandidateStatistic, KnownEntity } from './extraction.types';

/**
 * Issue 12, part 5, for statistics: the raw texts of both seed articles, with only the curated
 * entities known, against the curated statistics of cypher/seed/graph.json. The gate is a
 * statistic with the right value and the right period (start and end; both undated counts as
 * right) in the right sentence; unit, measure, qualifier, places and reporter are measured on
 * the matched ones and printed (docs/ingestion-quality.md records the figures).
 */

interface SeedStatistic {
  id: string;
  measure: string;
  value: number;
  unit: string;
  qualifier: string;
  period?: { start: string; end: string };
  originId?: string;
  destinationId?: string;
  placeIds?: string[];
  reportedById?: string;
  sourceId: string;
  evidence: string;
  alsoStatedBy?: { articleId: string; quote: string }[];
}

interface SeedGraph {
  articles: { id: string; file: string; publishedOn: string }[];
  entities: { id: string; kind: EntityKind; name: string; aliases: string[]; countryId?: string }[];
  statistics: SeedStatistic[];
}

const RECALL_THRESHOLD = 0.9;
const PRECISION_THRESHOLD = 0.8;

const graph = JSON.parse(readFileSync(fromProjectRoot('cypher', 'seed', 'graph.json'), 'utf8')) as SeedGraph;
const knownEntities: KnownEntity[] = graph.entities.map(({ id, kind, name, aliases, countryId }) => ({
  id,
  kind,
  name,
  aliases,
  ...(countryId ? { countryId } : {}),
}));

/** One statement of a curated statistic: a statistic stated by two articles is expected in each. */
interface Expected {
  statistic: SeedStatistic;
  articleId: string;
  sentence: string;
}

const expected: Expected[] = graph.statistics.flatMap((statistic) => [
  { statistic, articleId: statistic.sourceId, sentence: statistic.evidence },
  ...(statistic.alsoStatedBy ?? []).map((also) => ({ statistic, articleId: also.articleId, sentence: also.quote })),
]);

const extracted = graph.articles.flatMap((article) => {
  const text = readFileSync(fromProjectRoot('cypher', 'seed', 'articles', article.file), 'utf8');
  return extractStatistics(text, { publishedOn: article.publishedOn, knownEntities }).map((candidate) => ({ articleId: article.id, candidate, text }));
});

const samePeriod = (candidate: CandidateStatistic, statistic: SeedStatistic) =>
  candidate.period === null
    ? statistic.period === undefined
    : statistic.period !== undefined && candidate.period.start === statistic.period.start && candidate.period.end === statistic.period.end;

const inSentence = (candidate: CandidateStatistic, sentence: string) => normaliseText(candidate.sentence.text).includes(normaliseText(sentence));

/** One-to-one: each expected statement takes the first unused candidate of its article and sentence with its value and period. */
function match(): Array<{ expected: Expected; candidate: CandidateStatistic | undefined }> {
  const used = new Set<number>();
  return expected.map((wanted) => {
    const at = extracted.findIndex(
      ({ articleId, candidate }, index) =>
        !used.has(index) &&
        articleId === wanted.articleId &&
        inSentence(candidate, wanted.sentence) &&
        candidate.value === wanted.statistic.value &&
        samePeriod(candidate, wanted.statistic),
    );
    if (at >= 0) used.add(at);
    return { expected: wanted, candidate: extracted[at]?.candidate };
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

describe('the statistics extracted from the two seed articles, against the curated graph', () => {
  const matches = match();
  const found = matches.filter((entry) => entry.candidate !== undefined) as Array<{ expected: Expected; candidate: CandidateStatistic }>;
  const recall = found.length / expected.length;
  const precision = found.length / extracted.length;

  const share = (right: (candidate: CandidateStatistic, statistic: SeedStatistic) => boolean) =>
    found.filter(({ candidate, expected: { statistic } }) => right(candidate, statistic)).length;
  const fields = {
    'value and period (the gate)': found.length,
    unit: share((candidate, statistic) => candidate.unit === statistic.unit),
    measure: share((candidate, statistic) => candidate.measure === statistic.measure),
    qualifier: share((candidate, statistic) => candidate.qualifier === statistic.qualifier),
    'origin and destination': share(
      (candidate, statistic) => candidate.originId === statistic.originId && candidate.destinationId === statistic.destinationId,
    ),
    'places (the exact set)': share((candidate, statistic) => sameSet(candidate.placeIds, statistic.placeIds ?? [])),
    'reporter (none when none)': share((candidate, statistic) => candidate.reportedById === statistic.reportedById),
  };

  it('reports its figures', () => {
    console.log(
      [
        `statistics expected ${expected.length}, extracted ${extracted.length}, right value and period ${found.length}`,
        `recall ${(recall * 100).toFixed(1)} %, precision ${(precision * 100).toFixed(1)} %`,
        ...Object.entries(fields).map(([field, right]) => `${field}: ${right}/${found.length} of the matched`),
        ...matches.filter((entry) => !entry.candidate).map((entry) => `missed: ${entry.expected.statistic.id} in ${entry.expected.articleId}`),
        ...found
          .filter(({ candidate, expected: { statistic } }) => candidate.measure !== statistic.measure || !sameSet(candidate.placeIds, statistic.placeIds ?? []) || candidate.reportedById !== statistic.reportedById)
          .map(
            ({ candidate, expected: { statistic } }) =>
              `partly right: ${statistic.id}: measure ${candidate.measure}, places ${candidate.placeIds.join(' ')}, reporter ${candidate.reportedById ?? '-'}`,
          ),
      ].join('\n'),
    );
    expect(found.length).toBeGreaterThan(0);
  });

  it(`finds at least ${RECALL_THRESHOLD * 100} % of the curated statistics with the right value and period`, () => {
    expect(recall).toBeGreaterThanOrEqual(RECALL_THRESHOLD);
  });

  it(`proposes at least ${PRECISION_THRESHOLD * 100} % of its candidates with a curated value and period`, () => {
    expect(precision).toBeGreaterThanOrEqual(PRECISION_THRESHOLD);
  });

  it('anchors every candidate at its own words', () => {
    for (const { candidate, text } of extracted) expect(text.slice(candidate.anchor.start, candidate.anchor.end)).toBe(candidate.valueText);
  });
});
