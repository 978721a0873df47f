import { createHash } from 'node:crypto';
import { slugify } from '../entity';
import type { ValueQualifier } from '../ontology';

export interface StatisticFacts {
  measure: string;
  value: number;
  unit: string;
  qualifier: ValueQualifier;
  period: { start: string; end: string; label: string } | null;
  originId: string | null;
  destinationId: string | null;
  placeIds: string[];
  reportedById: string | null;
  /** Who counted or caught what is counted, where the source names them (COLLECTED); may differ from the reporter. */
  collectedById: string | null;
  sourceId: string;
  evidence: string;
}

/**
 * A recorded statistic's id: readable (its measure) and stable (a digest of what it says), so
 * the same input twice is the same statistic, two numbers that differ in any fact are two, and
 * the same number stated by another article is the same statistic with one more source. The
 * rank is not a fact: re-ranking a statistic keeps its id.
 */
export function statisticIdFor(facts: StatisticFacts): string {
  const canonical = JSON.stringify([
    facts.measure.trim().toLowerCase(),
    facts.value,
    facts.unit.trim().toLowerCase(),
    facts.qualifier,
    facts.period && [facts.period.start, facts.period.end],
    facts.originId,
    facts.destinationId,
    [...new Set(facts.placeIds)].sort(),
    facts.reportedById,
    // Appended only when named, so that the ids recorded before collectors were facts stay the same.
    ...(facts.collectedById ? [facts.collectedById] : []),
  ]);
  const digest = createHash('sha256').update(canonical).digest('hex').slice(0, 12);
  return `statistic:${slugify(facts.measure).slice(0, 60)}-${digest}`;
}

/** "Illegal crossings from Washington state to British Columbia, January". */
export function statisticNameFor(
  facts: Pick<StatisticFacts, 'measure' | 'period'>,
  originName: string | null,
  destinationName: string | null,
): string {
  const measure = facts.measure.trim();
  const parts = [measure.charAt(0).toUpperCase() + measure.slice(1)];
  if (originName) parts.push(`from ${originName}`);
  if (destinationName) parts.push(`to ${destinationName}`);
  return parts.join(' ') + (facts.period ? `, ${facts.period.label}` : '');
}
