import { describe, expect, it } from '@jest/globals';
import { STATISTIC_RANKS, StatisticRank, statisticRankProblem } from './statistic-ranks';
import { VALUE_QUALIFIERS, ValueQualifier, qualifiersConflict } from './value-qualifiers';

describe('statistic ranks', () => {
  it('are the three ranks of Wikidata, NORMAL between the others', () => {
    expect(STATISTIC_RANKS).toEqual(['PREFERRED', 'NORMAL', 'DEPRECATED']);
  });

  it('need a reason for PREFERRED and DEPRECATED', () => {
    expect(statisticRankProblem(StatisticRank.DEPRECATED, 'superseded by the revised count')).toBeNull();
    expect(statisticRankProblem(StatisticRank.PREFERRED, 'the official figure')).toBeNull();
    expect(statisticRankProblem(StatisticRank.DEPRECATED, null)).toBe('a DEPRECATED rank needs a reason');
    expect(statisticRankProblem(StatisticRank.PREFERRED, '   ')).toBe('a PREFERRED rank needs a reason');
  });

  it('take no reason for NORMAL, and know no other rank', () => {
    expect(statisticRankProblem(StatisticRank.NORMAL, null)).toBeNull();
    expect(statisticRankProblem(StatisticRank.NORMAL, 'why not')).toBe('a NORMAL rank takes no reason');
    expect(statisticRankProblem('TRUTH', 'because')).toBe('unknown rank TRUTH');
  });
});

describe('qualifiersConflict', () => {
  it('holds where one value cannot be both: 20 and "more than 20", "under 20" and "at least 20"', () => {
    expect(qualifiersConflict(ValueQualifier.EXACT, ValueQualifier.MORE_THAN)).toBe(true);
    expect(qualifiersConflict(ValueQualifier.LESS_THAN, ValueQualifier.EXACT)).toBe(true);
    expect(qualifiersConflict(ValueQualifier.MORE_THAN, ValueQualifier.LESS_THAN)).toBe(true);
    expect(qualifiersConflict(ValueQualifier.LESS_THAN, ValueQualifier.AT_LEAST)).toBe(true);
  });

  it('does not hold where both can: "around 20" with anything, "at least 20" and 20, a qualifier with itself', () => {
    for (const qualifier of VALUE_QUALIFIERS) {
      expect(qualifiersConflict(ValueQualifier.APPROXIMATE, qualifier)).toBe(false);
      expect(qualifiersConflict(qualifier, qualifier)).toBe(false);
    }
    expect(qualifiersConflict(ValueQualifier.AT_LEAST, ValueQualifier.EXACT)).toBe(false);
    expect(qualifiersConflict(ValueQualifier.AT_LEAST, ValueQualifier.MORE_THAN)).toBe(false);
  });
});
