import { describe, expect, it } from '@jest/globals';
import { readArticleTexts, readSeedGraph } from './seed-data';
import { seedParameters } from './seed-loader';

describe('seedParameters', () => {
  const graph = readSeedGraph();
  const params = seedParameters(graph, readArticleTexts(graph));

  it('backs every relation it loads, derived ones included, with at least one quote', () => {
    const unbacked = params.relations.filter((relation) => relation.evidence.length === 0);
    expect(unbacked).toEqual([]);
  });

  it('links each article to its publisher with a sentence of its own that names it', () => {
    const published = params.relations.filter((relation) => relation.type === 'PUBLISHED_BY');
    expect(published).toHaveLength(graph.articles.length);
    for (const relation of published) {
      expect(relation.evidence[0]!.articleId).toBe(relation.fromId);
      expect(relation.evidence[0]!.quote).toContain('The Post');
    }
  });

  it('derives the links of every statistic: its source states it', () => {
    const states = params.relations.filter((relation) => relation.type === 'STATES');
    expect(states).toHaveLength(graph.statistics.length);
  });
});
