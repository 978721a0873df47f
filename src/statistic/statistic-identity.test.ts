import { describe, expect, it } from '@jest/globals';
import { statisticIdFor, statisticNameFor, type StatisticFacts } from './statistic-identity';

const facts: StatisticFacts = {
  measure: 'illegal crossings',
  value: 40,
  unit: 'crossings',
  qualifier: 'EXACT',
  period: { start: '2025-01-01', end: '2025-01-31', label: 'January' },
  originId: 'place:washington-state',
  destinationId: 'place:british-columbia',
  placeIds: ['place:british-columbia', 'place:washington-state'],
  reportedById: 'organization:royal-canadian-mounted-police',
  collectedById: null,
  sourceId: 'article:a',
  evidence: 'The RCMP recorded 40 crossings.',
};

/** The id of `facts` as statisticIdFor gave it before collectors were facts (sha-256 of its canonical JSON). */
const STATISTIC_ID_WITHOUT_COLLECTOR = 'statistic:illegal-crossings-b8ff8b526d7e';

describe('statisticIdFor', () => {
  it('is readable and the same for the same facts, whatever their order or typography', () => {
    const id = statisticIdFor(facts);
    expect(id).toMatch(/^statistic:illegal-crossings-[0-9a-f]{12}$/);
    expect(statisticIdFor({ ...facts, placeIds: [...facts.placeIds].reverse(), evidence: ' The RCMP  recorded 40 crossings.' })).toBe(id);
  });

  it('is the same whichever article states the number, in whatever words', () => {
    expect(statisticIdFor({ ...facts, sourceId: 'article:b', evidence: 'Forty crossings, the RCMP said.' })).toBe(statisticIdFor(facts));
  });

  it('differs when any fact differs', () => {
    const id = statisticIdFor(facts);
    expect(statisticIdFor({ ...facts, value: 41 })).not.toBe(id);
    expect(statisticIdFor({ ...facts, period: null })).not.toBe(id);
    expect(statisticIdFor({ ...facts, reportedById: null })).not.toBe(id);
    expect(statisticIdFor({ ...facts, collectedById: 'group:canadian-border-officials' })).not.toBe(id);
  });

  it('digests the collector apart from the reporter: the same organization as one or the other is two statistics', () => {
    const rcmp = 'organization:royal-canadian-mounted-police';
    expect(statisticIdFor({ ...facts, reportedById: null, collectedById: rcmp })).not.toBe(statisticIdFor({ ...facts, reportedById: rcmp, collectedById: null }));
  });

  it('keeps the ids recorded before the collector was a fact: no collector digests as before', () => {
    // The digest of these facts when StatisticFacts had no collectedById.
    expect(statisticIdFor(facts)).toBe(STATISTIC_ID_WITHOUT_COLLECTOR);
  });
});

describe('statisticNameFor', () => {
  it('reads as a label', () => {
    expect(statisticNameFor(facts, 'Washington state', 'British Columbia')).toBe(
      'Illegal crossings from Washington state to British Columbia, January',
    );
    expect(statisticNameFor({ measure: 'tariff rate', period: null }, null, null)).toBe('Tariff rate');
  });
});
