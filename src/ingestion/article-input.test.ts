import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../config/project-root';
import { BadUserInputError } from '../errors';
import { MAX_HTML_CHARACTERS, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, MAX_TEXT_CHARACTERS, markdownLines, readArticleInput, type ArticleInputFields } from './article-input';

const TODAY = '2025-03-10';
const seedText = readFileSync(fromProjectRoot('cypher', 'seed', 'articles', '000_1d76d7eba23e31ec.txt'), 'utf8');
const savedPage = readFileSync(path.join(__dirname, 'fixtures', 'saved-page.html'), 'utf8');

const read = (fields: Partial<ArticleInputFields>) => readArticleInput({ text: 'A sentence.', format: 'TEXT', ...fields }, TODAY);

/** The error readArticleInput throws, as the fields a client branches on. */
function refusal(fields: Partial<ArticleInputFields>): { code: unknown; field: unknown; reason: unknown } {
  try {
    read(fields);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    const { code, field, reason } = (error as BadUserInputError).extensions;
    return { code, field, reason };
  }
  throw new Error('expected a BadUserInputError');
}

const MARKDOWN_OF_THE_SEED = `---
layout: article
---
Migrants are now heading north into Canada in greater numbers than they are crossing south into the U.S.
following President Trump’s strict immigration policies, sources told [The Post](https://example.com/the-post "The Post").

Homeland Security officials report a surge of “northbounders” who are “self-deporting” out of fear of deportation under the new administration.

## Migrants Escaping to Canada

In Washington state, border agents have observed an average of *five* migrants illegally crossing into Canada each day. Even before Trump’s policies took full effect, numbers were already climbing.

The Royal Canadian Mounted Police recorded 40 illegal crossings from Washington into British Columbia in January, while **U.S. Border Patrol** documented 30 migrants moving south in the same period.

![A border marker](https://example.com/marker.jpg)

Many of those heading north previously crossed into the U.S. from Mexico and have temporary status, but fear their immigration cases won’t be approved, sources said.

Racing Against Deportation
--------------------------

Migrants are attempting to enter Canada before U.S. immigration authorities can detain and deport them.

> “They technically have some form of status right now, and agents know they intend to cross illegally into Canada to avoid potential immigration consequences,” a source explained.

Even the most isolated sections of the 5,500-mile U.S.-Canada border are seeing increased migrant traffic.

In Alberta, Canadian mounted police recently discovered nine migrants, including children, braving the harsh February cold while crossing from the U.S. _The New York Times_ reported that Canadian border officials have caught around 20 illegal migrants in Alberta this year, up from just seven the previous year.

<script>alert("never text")</script>

### A Dramatic Shift in Migration Patterns ###
This marks a sharp contrast from the Biden administration, when record numbers of migrants crossed illegally into the U.S. from Canada.

Last fiscal year, authorities apprehended approximately 23,700 migrants crossing south from Canada&mdash;compared to just 2,200 in 2022. However, this remains a fraction of the over one million illegal crossings at the southern border in the same period.

---

# Canada Tightens Border Security

In response to the surge, the Trump administration has pressured Canada to strengthen border security, even threatening 25% tariffs.

Canada has since stepped up enforcement, scrutinizing fraudulent asylum claims and committing $900 million to border security, including purchasing two Black Hawk helicopters and drones.

Additionally, Canada has tightened visa requirements after migrants exploited its lenient entry policies to fly in before crossing into the U.S. illegally.
`;

describe('readArticleInput', () => {
  describe('plain text', () => {
    it('keeps a seed article as it is, one paragraph a line, and hashes it with sha256', () => {
      const article = read({ text: seedText, publishedOn: '2025-03-01', publisher: ' The Post ', url: 'https://example.com/a', title: 'Migrants  heading\nnorth' });
      expect(article.text).toBe(seedText.trim());
      expect(article.contentHash).toBe(createHash('sha256').update(seedText.trim()).digest('hex'));
      expect(article).toMatchObject({ title: 'Migrants heading north', publisher: 'The Post', url: 'https://example.com/a', publishedOn: '2025-03-01', warnings: [] });
    });

    it('normalises line breaks, spaces, invisible characters and Unicode composition, so these do not change the hash', () => {
      const messy = '\uFEFF  Cafe\u0301 owners\u00A0said  so.\r\n\r\n\tThe border\u200B is   long.  \r\n';
      const article = read({ text: messy });
      expect(article.text).toBe('Café owners said so.\nThe border is long.');
      expect(article.contentHash).toBe(read({ text: 'Café owners said so.\nThe border is long.' }).contentHash);
    });

    it('warns, without refusing, that periods stay unresolved without a publication date, and that there is no title', () => {
      expect(read({ text: seedText }).warnings).toEqual(['no title: the first line titles the article', 'no publication date: periods such as "in January" or "last fiscal year" stay unresolved']);
    });

    it('accepts a publication date of today, and warns about replacement characters left by a bad decoding', () => {
      const article = read({ text: 'The caf\uFFFD was full of agents, officials said.', publishedOn: TODAY, title: 'T' });
      expect(article.publishedOn).toBe(TODAY);
      expect(article.warnings).toEqual(['1 replacement character(s) (U+FFFD): part of the source was not valid UTF-8']);
    });
  });

  describe('HTML', () => {
    it('gives exactly the paragraphs and headings of a saved page, without navigation, ads, scripts, styles or comments', () => {
      const article = read({ text: savedPage, format: 'HTML', publishedOn: '2025-03-01' });
      expect(article.text.split('\n')).toEqual(seedText.trim().split('\n'));
      expect(article.text).not.toMatch(/Advertisement|googletag|dataLayer|Most popular|Comments|Privacy|style text|Share on/);
    });

    it('takes the title from og:title when none is given, and keeps a given one', () => {
      expect(read({ text: savedPage, format: 'HTML', publishedOn: '2025-03-01' }).title).toBe('Migrants now heading north into Canada in greater numbers than crossing south');
      expect(read({ text: savedPage, format: 'HTML', publishedOn: '2025-03-01', title: 'Mine' }).title).toBe('Mine');
    });

    it('takes the title from <title> when the page has no og:title', () => {
      const page = '<html><head><title>Mounties add drones at the border</title></head><body><p>The RCMP said it had brought in drones.</p></body></html>';
      expect(read({ text: page, format: 'HTML' }).title).toBe('Mounties add drones at the border');
    });

    it('points to the publication date the page states, without using it', () => {
      const { publishedOn, warnings } = read({ text: savedPage, format: 'HTML' });
      expect(publishedOn).toBeNull();
      expect(warnings).toContain('the page gives 2025-03-01 as its publication date; pass it as publishedOn to use it');
    });

    it('reads a fragment without <html> or <body>, a line per block and <br>', () => {
      const fragment = '<p>Agents said <b>so</b>.<br>Then they left.</p><ul><li>One item here.</li><li>Two items &amp; more.</li></ul><pre>line one\nline two</pre>';
      expect(read({ text: fragment, format: 'HTML' }).text).toBe('Agents said so.\nThen they left.\nOne item here.\nTwo items & more.\nline one\nline two');
    });

    it('gives the same content hash as the same words in plain text and in Markdown', () => {
      const fromHtml = read({ text: savedPage, format: 'HTML' }).contentHash;
      expect(read({ text: seedText, format: 'TEXT' }).contentHash).toBe(fromHtml);
      expect(read({ text: MARKDOWN_OF_THE_SEED, format: 'MARKDOWN' }).contentHash).toBe(fromHtml);
    });
  });

  describe('Markdown', () => {
    it('strips markup: headings on their own line, wrapped lines joined, emphasis, links, images, rules, quotes and scripts gone', () => {
      expect(read({ text: MARKDOWN_OF_THE_SEED, format: 'MARKDOWN' }).text).toBe(seedText.trim());
    });

    it('makes each list item and table row a line, keeps code and escaped characters as text, drops link definitions', () => {
      const source = [
        '- first *item*',
        '  continued',
        '2) second item with `a_b*c`',
        '* [x] done task',
        '',
        '| Month | Crossings |',
        '|-------|----------:|',
        '| January | 40 |',
        '',
        'Not \\*emphasis\\*, snake_case_name and 5 * 3 stay; [ref link][1] and <https://example.com> too.',
        '',
        '[1]: https://example.com/ref',
      ].join('\n');
      expect(markdownLines(source)).toEqual([
        'first item continued',
        'second item with a_b*c',
        'done task',
        'Month Crossings',
        'January 40',
        'Not *emphasis*, snake_case_name and 5 * 3 stay; ref link and https://example.com too.',
      ]);
    });
  });

  describe('bad input, each refused with its field and reason', () => {
    it.each<[string, Partial<ArticleInputFields>, string, string]>([
      ['empty text', { text: '' }, 'input.text', 'EMPTY'],
      ['whitespace only', { text: ' \n\t\u00A0\r\n ' }, 'input.text', 'EMPTY'],
      ['text over the limit', { text: 'a'.repeat(MAX_TEXT_CHARACTERS + 1) }, 'input.text', 'TOO_LARGE'],
      ['Markdown over the limit', { text: 'a'.repeat(MAX_TEXT_CHARACTERS + 1), format: 'MARKDOWN' }, 'input.text', 'TOO_LARGE'],
      ['a page over the HTML limit', { text: `<p>${'a'.repeat(MAX_HTML_CHARACTERS)}</p>`, format: 'HTML' }, 'input.text', 'TOO_LARGE'],
      ['a page whose text is over the text limit', { text: `<p>${'word '.repeat(MAX_TEXT_CHARACTERS / 5 + 1)}</p>`, format: 'HTML' }, 'input.text', 'TOO_LARGE'],
      ['a NUL character', { text: 'PK\u0003\u0004\u0000\u0000 archive' }, 'input.text', 'BINARY'],
      ['a high share of control characters', { text: 'GIF89a\u0001\u0002\u0003\u0004\u0005 some text here' }, 'input.text', 'BINARY'],
      ['bytes decoded as replacement characters', { text: 'ab\uFFFD\uFFFD\uFFFD\uFFFDcd\uFFFD\uFFFD efg' }, 'input.text', 'BINARY'],
      ['a lone high surrogate', { text: 'The border \uD83D is long.' }, 'input.text', 'MALFORMED_UNICODE'],
      ['a lone low surrogate', { text: 'The border \uDE00 is long.' }, 'input.text', 'MALFORMED_UNICODE'],
      ['no sentence: numbers and punctuation only', { text: '12,085 — 4,098\n***\n%' }, 'input.text', 'NO_SENTENCES'],
      ['no sentence after Markdown is stripped', { text: '![only an image](x.png)\n\n---\n', format: 'MARKDOWN' }, 'input.text', 'NO_SENTENCES'],
      ['HTML with scripts and styles only', { text: '<html><head><style>p { color: red }</style></head><body><script>document.write("Hello world")</script><noscript>Enable JavaScript</noscript></body></html>', format: 'HTML' }, 'input.text', 'HTML_WITHOUT_TEXT'],
      ['an HTML fragment of scripts only', { text: '<script>var text = "Migrants are heading north.";</script><style>body{}</style>', format: 'HTML' }, 'input.text', 'HTML_WITHOUT_TEXT'],
      ['a page of too many elements', { text: `<p>Agents said so.</p>${'<span>x</span>'.repeat(MAX_HTML_ELEMENTS)}`, format: 'HTML' }, 'input.text', 'TOO_COMPLEX'],
      ['a page nested too deep', { text: `${'<div>'.repeat(MAX_HTML_DEPTH)}<p>Agents said so.</p>`, format: 'HTML' }, 'input.text', 'TOO_COMPLEX'],
      ['a publication date in the future', { publishedOn: '2025-03-11' }, 'input.publishedOn', 'FUTURE_DATE'],
      ['a publication date that is no date', { publishedOn: '2025-02-30' }, 'input.publishedOn', 'INVALID_DATE'],
      ['a URL that is not http(s)', { url: 'javascript:alert(1)' }, 'input.url', 'INVALID_URL'],
      ['an unknown format', { format: 'PDF' as never }, 'input.format', 'UNKNOWN_FORMAT'],
    ])('%s', (_, fields, field, reason) => {
      expect(refusal(fields)).toEqual({ code: 'BAD_USER_INPUT', field, reason });
    });

    it('states the limit it applies', () => {
      try {
        read({ text: 'a'.repeat(MAX_TEXT_CHARACTERS + 1) });
        throw new Error('expected a refusal');
      } catch (error) {
        expect((error as BadUserInputError).extensions).toMatchObject({ limit: 200_000, length: 200_001 });
      }
    });
  });
});
