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

describe('statisticLinks of a number stated by several articles', () => {
  it('links each source with its own words, and backs the other links with every source', () => {
    const links = statisticLinks({
      id: 'statistic:s',
      sourceId: 'article:a',
      evidence: 'The border is 5,500 miles long.',
      placeIds: ['place:border'],
      alsoStatedBy: [{ articleId: 'article:b', quote: 'the 5,500-mile border' }],
    });
    expect(links.map((link) => [`${link.fromId} ${link.type} ${link.toId}`, link.evidence.map((item) => item.articleId)])).toEqual([
      ['article:a STATES statistic:s', ['article:a']],
      ['article:b STATES statistic:s', ['article:b']],
      ['statistic:s ABOUT_PLACE place:border', ['article:a', 'article:b']],
    ]);
  });
});
