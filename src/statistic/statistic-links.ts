import type { RelationWrite } from '../relation';

/** What a statistic says about its context, from which its relations are derived. */
export interface LinkedStatistic {
  id: string;
  sourceId: string;
  evidence: string;
  originId?: string | null;
  destinationId?: string | null;
  placeIds?: readonly string[] | null;
  reportedById?: string | null;
  /** Who counted or caught what the number counts, where the text names them (may differ from the reporter). */
  collectedById?: string | null;
  /** Other articles that state the same number, with their words. */
  alsoStatedBy?: readonly { articleId: string; quote: string }[] | null;
}

/**
 * The relations a statistic implies, each backed by the sentences that state it: each of its
 * sources STATES it (with its own words), its reporter REPORTED it, its collector COLLECTED it,
 * and it HAS_ORIGIN / HAS_DESTINATION / is ABOUT_PLACE its places. Storing them as relations
 * lets path, neighborhood and relation filters reach numbers.
 */
export function statisticLinks(statistic: LinkedStatistic): RelationWrite[] {
  const sources = [{ articleId: statistic.sourceId, quote: statistic.evidence }, ...(statistic.alsoStatedBy ?? [])];
  const link = (type: string, fromId: string, toId: string, evidence = sources): RelationWrite => ({ type, fromId, toId, evidence });
  const places = new Set(statistic.placeIds ?? []);
  if (statistic.originId) places.add(statistic.originId);
  if (statistic.destinationId) places.add(statistic.destinationId);
  return [
    ...sources.map((source) => link('STATES', source.articleId, statistic.id, [source])),
    ...(statistic.reportedById ? [link('REPORTED', statistic.reportedById, statistic.id)] : []),
    ...(statistic.collectedById ? [link('COLLECTED', statistic.collectedById, statistic.id)] : []),
    ...(statistic.originId ? [link('HAS_ORIGIN', statistic.id, statistic.originId)] : []),
    ...(statistic.destinationId ? [link('HAS_DESTINATION', statistic.id, statistic.destinationId)] : []),
    ...[...places].map((placeId) => link('ABOUT_PLACE', statistic.id, placeId)),
  ];
}
