import { vocabulary } from './vocabulary';

/**
 * How much a statistic is to be trusted beside the others that disagree with it (same measure,
 * period and place, another value), as Wikidata ranks statements: PREFERRED is the value to use,
 * DEPRECATED one known to be wrong or superseded, NORMAL neither. A statistic stored without a
 * rank is NORMAL. One vocabulary for the seed, the API and the docs.
 */
export const StatisticRank = vocabulary('PREFERRED', 'NORMAL', 'DEPRECATED');

export type StatisticRank = keyof typeof StatisticRank;

export const STATISTIC_RANKS: readonly StatisticRank[] = Object.values(StatisticRank);

/**
 * What is wrong with a rank and its reason, or null: a rank of the vocabulary; PREFERRED and
 * DEPRECATED need a reason (why this value over the others), NORMAL takes none (there is
 * nothing to explain), as an ASSERTED provenance takes no reason.
 */
export function statisticRankProblem(rank: string, reason: string | null | undefined): string | null {
  if (!STATISTIC_RANKS.includes(rank as StatisticRank)) return `unknown rank ${rank}`;
  const hasReason = (reason ?? '').trim().length > 0;
  if (rank === StatisticRank.NORMAL) return hasReason ? 'a NORMAL rank takes no reason' : null;
  return hasReason ? null : `a ${rank} rank needs a reason`;
}
