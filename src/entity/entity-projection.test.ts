import { describe, expect, it } from '@jest/globals';
import { projectedEntityReader, projectionParameters, projectionVariant } from './entity-projection';

describe('a projection as queries send and read it', () => {
  const projection = ['id', 'kind', 'periodStart', 'measure', 'periodEnd', 'periodLabel'];

  it('sends the dates apart, to be fetched as text, and says so in the variant', () => {
    expect(projectionParameters(projection)).toEqual({ entityProperties: ['id', 'kind', 'measure', 'periodLabel'], entityDates: ['periodStart', 'periodEnd'] });
    expect(projectionVariant(projection)).toEqual({ wholeEntities: false, entityDates: true });
    expect(projectionVariant(['id', 'kind', 'name'])).toEqual({ wholeEntities: false, entityDates: false });
    expect(projectionVariant(null)).toEqual({ wholeEntities: true, entityDates: false });
    expect(projectionParameters(null)).toEqual({ entityProperties: null, entityDates: null });
  });

  it('reads the values back in that order: the other properties, then the dates', () => {
    const read = projectedEntityReader(projection);
    expect(read(['statistic:a', 'STATISTIC', 'apprehensions', null, '2024-05-01', '2024-05-31'])).toEqual({
      id: 'statistic:a',
      kind: 'STATISTIC',
      measure: 'apprehensions',
      aliases: [],
      description: null,
      period: { start: '2024-05-01', end: '2024-05-31', label: '2024-05-01..2024-05-31' },
      publishedOn: null,
    });
  });
});
