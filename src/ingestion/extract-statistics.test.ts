import { describe, expect, it } from '@jest/globals';
import { extractStatistics } from './extract-statistics';
import type { KnownEntity } from './extraction.types';

const knownEntities: KnownEntity[] = [
  { id: 'place:united-states', kind: 'PLACE', name: 'United States', aliases: ['U.S.', 'US'] },
  { id: 'place:canada', kind: 'PLACE', name: 'Canada', aliases: [] },
  { id: 'place:manitoba', kind: 'PLACE', name: 'Manitoba', aliases: [], countryId: 'place:canada' },
  { id: 'place:north-dakota', kind: 'PLACE', name: 'North Dakota', aliases: [], countryId: 'place:united-states' },
  { id: 'place:us-canada-border', kind: 'PLACE', name: 'U.S.-Canada border', aliases: ['northern border'] },
  { id: 'organization:cbp', kind: 'ORGANIZATION', name: 'U.S. Customs and Border Protection', aliases: ['CBP'], countryId: 'place:united-states' },
  { id: 'organization:the-globe', kind: 'ORGANIZATION', name: 'The Globe', aliases: [] },
  { id: 'group:border-officers', kind: 'GROUP', name: 'border officers', aliases: [] },
];

const extract = (text: string, publishedOn: string | null = '2025-06-10') => extractStatistics(text, { publishedOn, knownEntities });

describe('extractStatistics', () => {
  it('reads value, words, measure, unit, period, route, places and reporter of a count', () => {
    const text = 'CBP recorded 1,250 illegal crossings from Manitoba into North Dakota in April.';
    const [statistic] = extract(text);
    expect(statistic).toMatchObject({
      value: 1250,
      valueText: '1,250',
      measure: 'illegal crossings',
      unit: 'crossings',
      qualifier: 'EXACT',
      period: { start: '2025-04-01', end: '2025-04-30', label: 'April' },
      originId: 'place:manitoba',
      destinationId: 'place:north-dakota',
      placeIds: ['place:manitoba', 'place:north-dakota', 'place:us-canada-border'],
      reportedById: 'organization:cbp',
      collectedById: 'organization:cbp',
    });
    expect(text.slice(statistic!.anchor.start, statistic!.anchor.end)).toBe('1,250');
  });

  it('reads the qualifiers of docs/ontology.md, with "nearly" as APPROXIMATE and "just" as EXACT', () => {
    const qualifiers = (phrase: string) => extract(`Border officers caught ${phrase} migrants in May.`)[0]?.qualifier;
    expect(qualifiers('around 20')).toBe('APPROXIMATE');
    expect(qualifiers('approximately 20')).toBe('APPROXIMATE');
    expect(qualifiers('nearly 20')).toBe('APPROXIMATE');
    expect(qualifiers('over 20')).toBe('MORE_THAN');
    expect(qualifiers('more than 20')).toBe('MORE_THAN');
    expect(qualifiers('at least 20')).toBe('AT_LEAST');
    expect(qualifiers('fewer than 20')).toBe('LESS_THAN');
    expect(qualifiers('just 20')).toBe('EXACT');
  });

  it('keeps number words, scale words, percentages, money and lengths as written', () => {
    const texts = extract(
      'The Globe reported that border officers caught one million migrants this year. Canada is committing $1.5 billion to border security. ' +
        'The 5,500-mile northern border is long. Washington threatened 10% tariffs.',
    ).map((statistic) => [statistic.valueText, statistic.value, statistic.measure]);
    expect(texts).toEqual([
      ['one million', 1e6, 'apprehensions'],
      ['$1.5 billion', 1.5e9, 'border security funding'],
      ['5,500-mile', 5500, 'border length'],
      ['10%', 10, 'tariff rate'],
    ]);
  });

  it('skips years, vague amounts, figures of speech and numbers it cannot give a measure', () => {
    expect(
      extract(
        'In 2022, the coyotes asked for a few thousand dollars. All you do is go from one piece of grass to the next. Both sides agree. 500 agents were moved.',
      ),
    ).toEqual([]);
  });

  it('links "up from" and "compared to" comparisons, the second number taking the first one’s measure and source', () => {
    const [later, earlier] = extract('The Globe reported that border officers caught around 20 migrants in Manitoba this year, up from just seven the previous year.');
    expect(earlier).toMatchObject({ value: 7, measure: 'apprehensions', period: { start: '2024-01-01', end: '2024-12-31' }, reportedById: 'organization:the-globe' });
    expect(later!.comparisons).toEqual([{ type: 'INCREASED_FROM', toKey: earlier!.key }]);

    const [fy2024, fy2022] = extract('Last fiscal year, authorities apprehended approximately 23,700 migrants crossing south from Canada—compared to just 2,200 in 2022.', '2025-03-02');
    expect(fy2022).toMatchObject({ value: 2200, qualifier: 'APPROXIMATE', period: { start: '2021-10-01', end: '2022-09-30', label: '2022' } });
    expect(fy2024).toMatchObject({ originId: 'place:canada', destinationId: 'place:united-states' });
    expect(fy2024!.comparisons).toEqual([{ type: 'INCREASED_FROM', toKey: fy2022!.key }]);
  });

  it('measures a percentage change from and to the counts of "from A to B", over "A to B"', () => {
    const [drop, from, to] = extract('Crossings at the northern border saw a drop of more than 90% in illegal crossings, from a peak of 30,000 in December 2023 to 1,100 in May.');
    expect(drop).toMatchObject({ value: 90, qualifier: 'MORE_THAN', measure: 'percentage drop in illegal crossings', period: { start: '2023-12-01', end: '2025-05-31', label: 'December 2023 to May' } });
    expect(drop!.comparisons).toEqual([
      { type: 'MEASURES_CHANGE_FROM', toKey: from!.key },
      { type: 'MEASURES_CHANGE_TO', toKey: to!.key },
    ]);
    expect(to!.comparisons).toEqual([{ type: 'DECREASED_FROM', toKey: from!.key }]);
  });

  it('resolves "in the same period" to the period of the number it refers back to', () => {
    const statistics = extract('CBP recorded 40 illegal crossings in January. That is a fraction of the over one million illegal crossings in the same period.');
    expect(statistics[1]!.period).toMatchObject({ start: '2025-01-01', end: '2025-01-31', label: 'in the same period' });
  });

  it('leaves periods unresolved without a publication date, keeping their words', () => {
    const [statistic] = extract('CBP recorded 40 illegal crossings in January.', null);
    expect(statistic).toMatchObject({ period: null, periodText: 'January' });
  });
});
