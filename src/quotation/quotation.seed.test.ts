import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../config/project-root';
import { anchorQuotation, anchorSeedQuotations, readSeedQuotations, type AnchoredSeedQuotation } from './quotation.seed';

// The seed graph and the article texts, read as files: the seed domain depends on this one,
// never the reverse.
const graph = JSON.parse(readFileSync(fromProjectRoot('cypher', 'seed', 'graph.json'), 'utf8')) as Record<
  'articles' | 'entities' | 'statistics',
  { id: string; file?: string }[]
>;
const articleTexts = new Map(
  graph.articles.map((article) => [article.id, readFileSync(fromProjectRoot('cypher', 'seed', 'articles', article.file!), 'utf8')]),
);
const quotations = readSeedQuotations();
const anchored = anchorSeedQuotations(quotations, articleTexts);

/**
 * Scare quotes: words the articles put in quotation marks as a label, not as anyone's speech.
 * Both sit inside the reported speech of Homeland Security officials ("report a surge of
 * “northbounders” who are “self-deporting” ..."), which is a quotation of its own.
 */
const SCARE_QUOTES = ['northbounders', 'self-deporting'];

/** Every pair of quotation marks of a text: “…” pairs, and straight "…" taken two by two. */
function quotationMarkPairs(text: string): { open: number; close: number; words: string }[] {
  const pairs: { open: number; close: number; words: string }[] = [];
  for (const match of text.matchAll(/“([^”]*)”|"([^"]*)"/g)) {
    pairs.push({ open: match.index, close: match.index + match[0].length - 1, words: match[1] ?? match[2]! });
  }
  return pairs;
}

/** Only punctuation and spaces between the marks and the quoted words ("grass,” said Kelly"). */
const PUNCTUATION = /^[\s,.;:!?—–-]*$/u;

function within(quotation: AnchoredSeedQuotation, pair: { open: number; close: number }, text: string): boolean {
  const { start, end } = quotation.anchor;
  return start > pair.open && end <= pair.close && PUNCTUATION.test(text.slice(pair.open + 1, start)) && PUNCTUATION.test(text.slice(end, pair.close));
}

describe('the curated quotations (cypher/seed/quotations.json)', () => {
  it('are verbatim and anchor exactly once in their article, with offsets that slice its text', () => {
    expect(anchored.length).toBe(quotations.length);
    for (const quotation of anchored) {
      const text = articleTexts.get(quotation.articleId)!;
      expect(text.slice(quotation.anchor.start, quotation.anchor.end)).toBe(quotation.anchor.exact);
      // Verbatim up to typography: the curated words differ from the text by quote marks at most.
      expect(quotation.anchor.exact.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')).toBe(quotation.text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"'));
    }
  });

  it('have unique ids of the form quotation:<slug>', () => {
    const ids = quotations.map((quotation) => quotation.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^quotation:[a-z0-9][a-z0-9-]*$/);
  });

  it('name speakers the seed holds, and the words the article names them with', () => {
    const known = new Set([...graph.entities, ...graph.statistics, ...graph.articles].map((entity) => entity.id));
    for (const quotation of quotations) {
      if (quotation.speakerId !== null) expect(known).toContain(quotation.speakerId);
      expect(quotation.attributedTo).toEqual(expect.any(String));
      expect(articleTexts.get(quotation.articleId)).toContain(quotation.attributedTo);
    }
  });

  it('cover every pair of quotation marks of both articles with a direct quotation, but for the scare quotes', () => {
    const uncovered: string[] = [];
    for (const [articleId, text] of articleTexts) {
      const direct = anchored.filter((quotation) => quotation.articleId === articleId && quotation.direct);
      for (const pair of quotationMarkPairs(text)) {
        if (SCARE_QUOTES.includes(pair.words)) continue;
        if (!direct.some((quotation) => within(quotation, pair, text))) uncovered.push(`${articleId}: “${pair.words}”`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('are direct exactly when the words stand inside quotation marks', () => {
    for (const quotation of anchored) {
      const text = articleTexts.get(quotation.articleId)!;
      const quoted = quotationMarkPairs(text).some((pair) => within(quotation, pair, text));
      expect({ id: quotation.id, direct: quoted }).toEqual({ id: quotation.id, direct: quotation.direct });
    }
  });

  it("tie Kelly's warning to Kelly although its sentence does not name him", () => {
    const warning = anchored.find((quotation) => quotation.anchor.exact.includes('the most dangerous people are coming through the northern border'));
    expect(warning).toMatchObject({ speakerId: 'person:mike-kelly', direct: true });
  });
});

describe('anchorQuotation', () => {
  const text = 'They said “it is coming” and it is coming.';
  const quotation = { id: 'quotation:x', articleId: 'article:x', speakerId: null, attributedTo: 'They', attribution: 'said', direct: true };

  it('refuses words that match nowhere, or more than once', () => {
    expect(() => anchorQuotation({ ...quotation, text: 'it is going' }, text)).toThrow('matches nowhere');
    expect(() => anchorQuotation({ ...quotation, text: 'it is coming' }, text)).toThrow('matches 2 times');
  });

  it('anchors words that occur twice inside the one passage given as within', () => {
    const anchor = anchorQuotation({ ...quotation, text: 'it is coming', within: '“it is coming”' }, text);
    expect(anchor).toMatchObject({ start: 11, end: 23, exact: 'it is coming' });
  });
});
