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
}

/**
 * The relations a statistic implies, each backed by the statistic's own sentence: its source
 * STATES it, its reporter REPORTED it, and it HAS_ORIGIN / HAS_DESTINATION / is ABOUT_PLACE its
 * places. Storing them as relations lets path, neighborhood and relation filters reach numbers.
 */
export function statisticLinks(statistic: LinkedStatistic): RelationWrite[] {
  const evidence = [{ articleId: statistic.sourceId, quote: statistic.evidence }];
  const link = (type: string, fromId: string, toId: string): RelationWrite => ({ type, fromId, toId, evidence });
  const places = new Set(statistic.placeIds ?? []);
  if (statistic.originId) places.add(statistic.originId);
  if (statistic.destinationId) places.add(statistic.destinationId);
  return [
    link('STATES', statistic.sourceId, statistic.id),
    ...(statistic.reportedById ? [link('REPORTED', statistic.reportedById, statistic.id)] : []),
    ...(statistic.originId ? [link('HAS_ORIGIN', statistic.id, statistic.originId)] : []),
    ...(statistic.destinationId ? [link('HAS_DESTINATION', statistic.id, statistic.destinationId)] : []),
    ...[...places].map((placeId) => link('ABOUT_PLACE', statistic.id, placeId)),
  ];
}
