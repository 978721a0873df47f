import { describe, expect, it } from '@jest/globals';
import { deriveMentions, readArticleTexts, readSeedGraph } from '../seed';
import { extractMentions } from './extract-mentions';
import type { KnownEntity } from './extraction.types';

const graph = readSeedGraph();
const articleTexts = readArticleTexts(graph);
const seedMentions = deriveMentions(graph, articleTexts);
const statisticIds = new Set(graph.statistics.map((statistic) => statistic.id));

const known: KnownEntity[] = [
  { id: 'organization:cbp', kind: 'ORGANIZATION', name: 'U.S. Customs and Border Protection', aliases: ['CBP', 'Customs and Border Patrol'] },
  { id: 'organization:usbp', kind: 'ORGANIZATION', name: 'U.S. Border Patrol', aliases: ['Border Patrol'] },
  { id: 'place:us', kind: 'PLACE', name: 'United States', aliases: ['US', 'U.S.'] },
  { id: 'person:trump', kind: 'PERSON', name: 'Donald Trump', aliases: ['Trump'] },
  { id: 'event:trumps-election', kind: 'EVENT', name: "Trump's election", aliases: [] },
];

describe('extractMentions', () => {
  it.each(graph.articles.map((article) => [article.id]))('finds exactly the seed’s mentions of entities in %s', (articleId) => {
    const text = articleTexts.get(articleId)!;
    const expected = seedMentions
      .filter((mention) => mention.articleId === articleId && !statisticIds.has(mention.entityId))
      .map(({ entityId, sentence, position, anchor }) => ({ entityId, sentence, position, anchor }));
    expect(extractMentions(text, graph.entities)).toEqual(expected);
  });

  it('takes "Customs and Border Patrol" for CBP alone, not also for Border Patrol', () => {
    const mentions = extractMentions('Customs and Border Patrol’s focus has shifted.', known);
    expect(mentions.map((mention) => [mention.entityId, mention.anchor.exact])).toEqual([['organization:cbp', 'Customs and Border Patrol']]);
  });

  it('does not take the pronoun "us" for the United States', () => {
    expect(extractMentions('Tell us more about it.', known)).toEqual([]);
  });

  it('lets an event’s description mention the person it names', () => {
    const mentions = extractMentions('Following President Trump’s election in November, entries fell.', known);
    expect(mentions.map((mention) => mention.entityId).sort()).toEqual(['event:trumps-election', 'person:trump']);
  });

  it('mentions an entity once a sentence, anchored where the sentence first names it', () => {
    const text = 'Intro line.\nTrump met Trump.';
    const [mention, ...others] = extractMentions(text, known);
    expect(others).toEqual([]);
    expect(mention).toMatchObject({ entityId: 'person:trump', position: 1, sentence: 'Trump met Trump.' });
    expect(text.slice(mention!.anchor.start, mention!.anchor.end)).toBe('Trump');
    expect(mention!.anchor.start).toBe(12);
  });
});
