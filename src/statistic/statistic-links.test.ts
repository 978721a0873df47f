import { describe, expect, it } from '@jest/globals';
import { statisticLinks } from './statistic-links';

describe('statisticLinks', () => {
  it('derives source, reporter, origin, destination and place links, each backed by the sentence', () => {
    const links = statisticLinks({
      id: 'statistic:s',
      sourceId: 'article:a',
      evidence: 'The RCMP recorded 40 crossings.',
      originId: 'place:washington',
      destinationId: 'place:british-columbia',
      placeIds: ['place:washington'],
      reportedById: 'organization:rcmp',
    });
    expect(links.map((link) => `${link.fromId} ${link.type} ${link.toId}`)).toEqual([
      'article:a STATES statistic:s',
      'organization:rcmp REPORTED statistic:s',
      'statistic:s HAS_ORIGIN place:washington',
      'statistic:s HAS_DESTINATION place:british-columbia',
      'statistic:s ABOUT_PLACE place:washington',
      'statistic:s ABOUT_PLACE place:british-columbia',
    ]);
    expect(links.every((link) => link.evidence[0]?.quote === 'The RCMP recorded 40 crossings.')).toBe(true);
  });
});
