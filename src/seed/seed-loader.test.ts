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

  it('derives the links of every statistic: each of its sources states it', () => {
    const states = params.relations.filter((relation) => relation.type === 'STATES');
    const sources = graph.statistics.reduce((count, statistic) => count + 1 + (statistic.alsoStatedBy?.length ?? 0), 0);
    expect(states).toHaveLength(sources);
  });

  it('gives every relation it loads a provenance, derived ones included', () => {
    expect(params.provenances).toHaveLength(params.relations.length);
    expect(params.provenances.filter((relation) => relation.kind === null)).toEqual([]);
    expect(params.provenances).toContainEqual(
      expect.objectContaining({ type: 'MEMBER_OF', fromId: 'person:mike-kelly', toId: 'party:republican-party', kind: 'INFERRED' }),
    );
  });

  it('stores the provenance of aliases beside them, ASSERTED where the texts spell them', () => {
    const post = params.nodes.find((node) => node.id === 'organization:the-post')!;
    expect(post.properties).toMatchObject({ aliases: ['New York Post'], aliasProvenanceKinds: ['EXTERNAL'] });
    const administration = params.nodes.find((node) => node.id === 'organization:trump-administration')!;
    expect(administration.properties).toMatchObject({ aliases: ['the new administration'], aliasProvenanceKinds: ['ASSERTED'], aliasProvenanceNotes: [''] });
  });

  it('claims name keys for every name and alias of the curated entities, none for articles and statistics', () => {
    const claimed = new Set(params.nameClaims.map((claim) => claim.entityId));
    expect([...claimed].sort()).toEqual(graph.entities.map((entity) => entity.id).sort());
    const rcmp = params.nameClaims.filter((claim) => claim.entityId === 'organization:royal-canadian-mounted-police');
    expect(new Set(rcmp.map((claim) => claim.name))).toEqual(new Set(['Royal Canadian Mounted Police', 'RCMP', 'Canadian mounted police', 'Mounties', 'Canadian Mounties']));
  });
});
