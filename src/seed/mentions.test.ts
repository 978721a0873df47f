import { describe, expect, it } from '@jest/globals';
import { normaliseText, splitSentences } from '../article';
import { deriveMentions } from './mentions';
import { readArticleTexts, readSeedGraph } from './seed-data';
import type { SeedGraph } from './seed.types';

const graph = readSeedGraph();
const articleTexts = readArticleTexts(graph);
const MIGRANTS_NORTH = 'article:migrants-heading-north-into-canada';
const CROSSINGS_DROP = 'article:crossings-from-canada-drop-as-agents-shift-south';

function sentencesOf(articleId: string): string[] {
  const text = articleTexts.get(articleId);
  if (text === undefined) throw new Error(`No text for ${articleId}`);
  return splitSentences(text);
}

describe('splitSentences', () => {
  it('splits the migrants article into its 21 sentences, headings included', () => {
    const sentences = sentencesOf(MIGRANTS_NORTH);
    expect(sentences).toHaveLength(21);
    expect(sentences).toContain('Migrants Escaping to Canada');
    expect(sentences).toContain('Racing Against Deportation');
  });

  it('splits the crossings article into its 19 sentences', () => {
    const sentences = sentencesOf(CROSSINGS_DROP);
    expect(sentences).toHaveLength(19);
    expect(sentences[0]).toBe('Share and Follow');
  });

  it('keeps "U.S." inside a sentence when a name follows it', () => {
    expect(sentencesOf(MIGRANTS_NORTH)).toContain(
      'The Royal Canadian Mounted Police recorded 40 illegal crossings from Washington into British Columbia in January, while U.S. Border Patrol documented 30 migrants moving south in the same period.',
    );
  });

  it('ends a sentence at "U.S." when the next word opens a new one', () => {
    const sentences = sentencesOf(MIGRANTS_NORTH);
    expect(sentences).toContain(
      'In Alberta, Canadian mounted police recently discovered nine migrants, including children, braving the harsh February cold while crossing from the U.S.',
    );
    expect(sentences.some((sentence) => sentence.startsWith('The New York Times reported that'))).toBe(true);
  });

  it('keeps "(R-PA)" and em-dashes inside their sentence', () => {
    const sentences = sentencesOf(CROSSINGS_DROP);
    expect(sentences.find((sentence) => sentence.includes('(R-PA)'))).toMatch(/^Representative Mike Kelly .* northern border\.$/);
    expect(sentences).toContain('February’s numbers reflect a major drop — 78% — from a peak of 18,944 captured entering the US illegally in August.');
  });

  it('ends a sentence after a closing quotation and its attribution', () => {
    const sentences = sentencesOf(CROSSINGS_DROP);
    expect(sentences.find((sentence) => sentence.endsWith('said Kelly.'))).toMatch(/^“That border is so easy/);
    expect(sentences).toContain('“You just step over a line to get to the United States.”');
  });

  it('does not end a sentence at a title before a name, nor before a lower-case word', () => {
    expect(splitSentences('Rep. Kelly spoke to Dr. Lee. He left the U.S. for good. Then he returned.')).toEqual([
      'Rep. Kelly spoke to Dr. Lee.',
      'He left the U.S. for good.',
      'Then he returned.',
    ]);
  });

  it('splits on question and exclamation marks and on quoted openings', () => {
    expect(splitSentences('Why? Because! “Then,” she said. 2025 began.')).toEqual([
      'Why?',
      'Because!',
      '“Then,” she said.',
      '2025 began.',
    ]);
  });
});

describe('deriveMentions', () => {
  const mentions = deriveMentions(graph, articleTexts);
  const mentionsOf = (entityId: string) => mentions.filter((mention) => mention.entityId === entityId);

  it('finds the RCMP in the sentence that calls it "Canadian Mounties", anchored at those words', () => {
    const mention = mentionsOf('organization:royal-canadian-mounted-police').find((candidate) => candidate.position === 16);
    expect(mention).toMatchObject({
      articleId: CROSSINGS_DROP,
      sentence:
        'North of the border, Canadian Mounties are also dealing with limited resources to patrol the wide swath of space between the neighboring countries.',
      anchor: { exact: 'Canadian Mounties', prefix: expect.stringMatching(/North of the border, $/) },
    });
  });

  it('anchors every mention at words of its sentence, with offsets that slice the article text', () => {
    for (const mention of mentions) {
      const text = articleTexts.get(mention.articleId)!;
      expect(text.slice(mention.anchor.start, mention.anchor.end)).toBe(mention.anchor.exact);
      expect(mention.sentence).toContain(mention.anchor.exact);
    }
  });

  it('takes the longest name first: "Customs and Border Patrol" is CBP, not also U.S. Border Patrol', () => {
    const sentence = mentions.filter((mention) => mention.sentence.includes('Customs and Border Patrol’s focus'));
    expect(sentence.map((mention) => mention.entityId)).toContain('organization:us-customs-and-border-protection');
    expect(sentence.map((mention) => mention.entityId)).not.toContain('organization:us-border-patrol');
  });

  it('matches names case-insensitively across typographic apostrophes', () => {
    const election = mentionsOf('event:2024-election-of-donald-trump');
    expect(election.map((mention) => mention.sentence)).toEqual([
      'Following President Trump’s election in November, illegal entries through the less monitored northern border have significantly decreased.',
    ]);
    expect(mentionsOf('organization:royal-canadian-mounted-police').map((mention) => mention.sentence)).toContain(
      'In Alberta, Canadian mounted police recently discovered nine migrants, including children, braving the harsh February cold while crossing from the U.S.',
    );
  });

  it('numbers each mention by the position of its sentence in the article', () => {
    for (const mention of mentions) {
      expect(sentencesOf(mention.articleId)[mention.position]).toBe(mention.sentence);
    }
  });

  it('mentions every person, organization, place, policy and event at least once', () => {
    const mentioned = new Set(mentions.map((mention) => mention.entityId));
    // The texts refer to these without a name of their own: "Canada" acting as a state is its
    // government, and the Republican Party is the "R" of "(R-PA)" (docs/ontology.md).
    const unnamed = new Set(['organization:government-of-canada', 'party:republican-party']);
    expect(graph.entities.map((entity) => entity.id).filter((id) => !mentioned.has(id) && !unnamed.has(id))).toEqual([]);
  });

  it('mentions every statistic once per source, in the sentence that states it there', () => {
    for (const statistic of graph.statistics) {
      const sources = [{ articleId: statistic.sourceId, quote: statistic.evidence }, ...(statistic.alsoStatedBy ?? [])];
      expect(mentionsOf(statistic.id).map((mention) => [mention.articleId, normaliseText(mention.sentence)]).sort()).toEqual(
        sources.map((source) => [source.articleId, normaliseText(source.quote)]).sort(),
      );
    }
  });

  describe('on word boundaries', () => {
    const tinyGraph: SeedGraph = {
      articles: [
        {
          id: 'article:test',
          name: 'Test',
          title: 'Test',
          aliases: [],
          description: '',
          file: 'test.txt',
          publisherId: 'organization:the-post',
          publishedOn: '2025-01-01',
          publishedOnInferred: false,
        },
      ],
      entities: [
        { id: 'place:united-states', kind: 'PLACE', name: 'United States', aliases: ['US'] },
        { id: 'place:canada', kind: 'PLACE', name: 'Canada', aliases: [] },
      ],
      statistics: [],
      relations: [],
    };
    const text = 'Trust us. Canadians are not Canada. The US border is long.';
    const found = deriveMentions(tinyGraph, new Map([['article:test', text]])).map((mention) => [mention.entityId, mention.position]);

    it('does not find a name inside a longer word', () => {
      expect(found).toContainEqual(['place:canada', 1]);
      expect(found.filter(([id]) => id === 'place:canada')).toHaveLength(1);
    });

    it('matches an acronym only in capitals, so "us" is not the United States', () => {
      expect(found.filter(([id]) => id === 'place:united-states')).toEqual([['place:united-states', 2]]);
    });
  });
});
