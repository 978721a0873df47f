import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TextMatcher } from '../src/search/text-matcher';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type TestService } from './support/test-service';

/** Sentence and quotation search with highlights, on the seeded corpus and the real full-text indexes. */
const ARTICLE_000 = 'article:migrants-heading-north-into-canada';
const ARTICLE_004 = 'article:crossings-from-canada-drop-as-agents-shift-south';
const MOUNTIES_SENTENCE =
  'North of the border, Canadian Mounties are also dealing with limited resources to patrol the wide swath of space between the neighboring countries.';
const KELLY = 'person:mike-kelly';
const GRASS_QUOTATION = 'quotation:kelly-from-one-piece-of-grass-to-the-next';

interface Span {
  start: number;
  end: number;
}

interface SentenceHit {
  article: { id: string; text: string };
  text: string;
  anchor: { start: number; end: number; exact: string; prefix: string; suffix: string };
  highlights: Span[];
  score: number;
  quotations: { id: string; text: string; anchor: Span }[];
}

interface QuotationHit {
  quotation: { id: string; text: string; speaker: { id: string } | null };
  highlights: Span[];
  score: number;
}

const SENTENCES = `query ($query: String!, $mode: SearchMode, $articleId: ID, $first: Int) {
  sentences(query: $query, mode: $mode, articleId: $articleId, first: $first) {
    article { id text }
    text
    anchor { start end exact prefix suffix }
    highlights { start end }
    score
    quotations { id text anchor { start end } }
  }
}`;

const QUOTATION_SEARCH = `query ($query: String!, $mode: SearchMode, $first: Int) {
  quotationSearch(query: $query, mode: $mode, first: $first) {
    quotation { id text speaker { id } }
    highlights { start end }
    score
  }
}`;

const marked = (text: string, highlights: Span[]) => highlights.map(({ start, end }) => text.slice(start, end));

describe('text search: sentences and quotationSearch', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  async function sentences(variables: { query: string; mode?: string; articleId?: string; first?: number }): Promise<SentenceHit[]> {
    const { body } = await service.graphql(SENTENCES, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.sentences as SentenceHit[];
  }

  async function quotationSearch(variables: { query: string; mode?: string; first?: number }): Promise<QuotationHit[]> {
    const { body } = await service.graphql(QUOTATION_SEARCH, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.quotationSearch as QuotationHit[];
  }

  /** What every hit promises: the sentence is the article's text at its anchor, and its highlights slice it. */
  function expectAnchoredInItsArticle(hit: SentenceHit) {
    expect(hit.article.text.slice(hit.anchor.start, hit.anchor.end)).toBe(hit.text);
    expect(hit.anchor.exact).toBe(hit.text);
    expect(hit.article.text.slice(hit.anchor.start - hit.anchor.prefix.length, hit.anchor.start)).toBe(hit.anchor.prefix);
    expect(hit.article.text.slice(hit.anchor.end, hit.anchor.end + hit.anchor.suffix.length)).toBe(hit.anchor.suffix);
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const { start, end } of hit.highlights) expect(0 <= start && start < end && end <= hit.text.length).toBe(true);
  }

  describe('sentences', () => {
    it('finds the sentence of the second article about the "Canadian Mounties" from "mounties", highlighting "Mounties"', async () => {
      const hits = await sentences({ query: 'mounties' });
      expect(hits.map((hit) => hit.text)).toEqual([MOUNTIES_SENTENCE]);
      const [hit] = hits;
      expect(hit!.article.id).toBe(ARTICLE_004);
      expect(marked(hit!.text, hit!.highlights)).toEqual(['Mounties']);
      expect(hit!.score).toBeGreaterThan(0);
      expectAnchoredInItsArticle(hit!);
    });

    it('finds the Mounties and the mounted police from "moun" in PREFIX mode, highlighting whole words that begin with it', async () => {
      const hits = await sentences({ query: 'moun', mode: 'PREFIX', first: 100 });
      expect(hits.map((hit) => hit.text)).toContain(MOUNTIES_SENTENCE);
      expect(hits.map((hit) => hit.article.id)).toContain(ARTICLE_000);
      const words = hits.flatMap((hit) => marked(hit.text, hit.highlights));
      expect(new Set(words)).toEqual(new Set(['Mounties', 'mounted', 'Mounted']));
      hits.forEach(expectAnchoredInItsArticle);
      expect(await sentences({ query: 'moun' })).toEqual([]);
    });

    it('finds the Mounties despite a typo in FUZZY mode ("Mounites"), and not in WORDS mode', async () => {
      const hits = await sentences({ query: 'Mounites', mode: 'FUZZY' });
      const mounties = hits.find((hit) => hit.text === MOUNTIES_SENTENCE);
      expect(marked(mounties!.text, mounties!.highlights)).toEqual(['Mounties']);
      expect(await sentences({ query: 'Mounites' })).toEqual([]);
    });

    it('ranks the sentences holding more of the words first, best score first', async () => {
      const hits = await sentences({ query: 'Canadian Mounties border', first: 100 });
      expect(hits[0]!.text).toBe(MOUNTIES_SENTENCE);
      expect(marked(hits[0]!.text, hits[0]!.highlights)).toEqual(['border', 'Canadian', 'Mounties']);
      const scores = hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('keeps to one article with articleId', async () => {
      const everywhere = await sentences({ query: 'border', first: 100 });
      expect(new Set(everywhere.map((hit) => hit.article.id))).toEqual(new Set([ARTICLE_000, ARTICLE_004]));
      const inOne = await sentences({ query: 'border', articleId: ARTICLE_000, first: 100 });
      expect(inOne.length).toBeGreaterThan(0);
      expect(inOne.every((hit) => hit.article.id === ARTICLE_000)).toBe(true);
      expect(inOne.map((hit) => hit.text)).toEqual(everywhere.filter((hit) => hit.article.id === ARTICLE_000).map((hit) => hit.text));
      expect(await sentences({ query: 'mounties', articleId: ARTICLE_000 })).toEqual([]);
    });

    it('gives the quotations whose anchor overlaps the sentence', async () => {
      const [hit] = await sentences({ query: 'grass' });
      expect(hit!.quotations.map((quotation) => quotation.id)).toContain(GRASS_QUOTATION);
      for (const quotation of hit!.quotations) {
        expect(quotation.anchor.start < hit!.anchor.end && quotation.anchor.end > hit!.anchor.start).toBe(true);
      }
      const [mounties] = await sentences({ query: 'mounties' });
      expect(mounties!.quotations).toEqual([]);
    });

    it('answers with at most `first` sentences, in one round trip to Neo4j when no quotation is asked for', async () => {
      expect(await sentences({ query: 'border', first: 3 })).toHaveLength(3);
      expect(await sentences({ query: 'border', first: 0 })).toEqual([]);
      const response = await service.graphql('{ sentences(query: "border", first: 20) { text highlights { start end } article { id title } } }');
      expect(response.body.errors).toBeUndefined();
      expect(Number(response.headers.get('x-cypher-round-trips'))).toBe(1);
    });
  });

  describe('quotationSearch', () => {
    it('finds a quotation of Mike Kelly by its words, highlighting them in quotation.text', async () => {
      const hits = await quotationSearch({ query: 'grass' });
      const grass = hits.find((hit) => hit.quotation.id === GRASS_QUOTATION);
      expect(grass!.quotation.speaker).toEqual({ id: KELLY });
      expect(marked(grass!.quotation.text, grass!.highlights)).toEqual(['grass', 'grass']);
      expect(grass!.score).toBeGreaterThan(0);
    });

    it('finds Kelly despite typos in FUZZY mode and as he is typed in PREFIX mode', async () => {
      const fuzzy = await quotationSearch({ query: 'dangerus peple', mode: 'FUZZY' });
      const warning = fuzzy.find((hit) => hit.quotation.speaker?.id === KELLY && hit.quotation.text.includes('northern border'));
      expect(marked(warning!.quotation.text, warning!.highlights)).toEqual(['dangerous', 'people']);
      const prefix = await quotationSearch({ query: 'gra', mode: 'PREFIX' });
      const grass = prefix.find((hit) => hit.quotation.id === GRASS_QUOTATION);
      expect(marked(grass!.quotation.text, grass!.highlights)).toEqual(['grass', 'grass']);
    });
  });

  describe('input', () => {
    it('treats Lucene syntax as plain text in every mode, for both queries', async () => {
      for (const mode of ['WORDS', 'PREFIX', 'FUZZY']) {
        for (const query of ['mount* AND "(', '*:* OR a~ AND (b', 'text:[a TO z] \\ /x/ ~2 ^3']) {
          for (const hit of await sentences({ query, mode, first: 100 })) expectAnchoredInItsArticle(hit);
          expect(Array.isArray(await quotationSearch({ query, mode }))).toBe(true);
        }
      }
      // "mount*" is the word "mount", not a prefix: no sentence about the Mounties.
      const hits = await sentences({ query: 'mount* AND "(', first: 100 });
      expect(hits.flatMap((hit) => marked(hit.text, hit.highlights).map((word) => word.toLowerCase()))).not.toContain('mounties');
    });

    it('answers nothing for a query without words', async () => {
      expect(await sentences({ query: '   ' })).toEqual([]);
      expect(await quotationSearch({ query: '', mode: 'PREFIX' })).toEqual([]);
    });

    it.each([
      ['sentences', '{ sentences(query: $query, first: $first) { text } }'],
      ['quotationSearch', '{ quotationSearch(query: $query, first: $first) { score } }'],
    ])('%s refuses a query over 200 characters and a first over 100 as BAD_USER_INPUT, without a stack trace', async (_field, selection) => {
      const operation = `query ($query: String!, $first: Int) ${selection}`;
      const long = await service.graphql(operation, { query: 'm'.repeat(201) });
      expect(errorCode(long.body)).toBe('BAD_USER_INPUT');
      expect(long.body.errors![0]!.message).toMatch(/query.*200 characters/);
      expect(long.body.data ?? null).toBeNull();
      const many = await service.graphql(operation, { query: 'border', first: 101 });
      expect(errorCode(many.body)).toBe('BAD_USER_INPUT');
      expect(many.body.errors![0]!.message).toBe('"first" must be between 0 and 100, got 101');
      for (const error of [...long.body.errors!, ...many.body.errors!]) expect(JSON.stringify(error)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
      expect(errorCode((await service.graphql(operation, { query: 'm'.repeat(200), first: 100 })).body)).toBeUndefined();
    });

    it('refuses an articleId that is no id', async () => {
      const { body } = await service.graphql('{ sentences(query: "border", articleId: "not an id") { text } }');
      expect(errorCode(body)).toBe('BAD_USER_INPUT');
    });
  });

  describe('highlights agree with the full-text index', () => {
    const data = new TestData();
    /** Words at known edit distances from "zorbaxel" ("ozrbaxle": two swaps of neighbours, four edits without swaps), each the only word of a quotation of this file's. */
    const PROBES = ['zorbaxel', 'zorbaxels', 'zrobaxel', 'ozrbaxle', 'zorbxl', 'zorbaxelqqq', 'zorbaxe', 'zorb', 'zo', 'zob', 'zr'];
    /** The file's token, which the probes carry: each test's own differs. */
    let token: string;
    const probeId = (word: string) => `quotation:probe-${word}-${token}`;

    beforeAll(async () => {
      token = data.token;
      await data.query(
        `UNWIND $probes AS probe
         CREATE (:Quotation {id: probe.id, text: probe.word, articleId: $articleId, start: 0, end: size(probe.word)})`,
        { probes: PROBES.map((word) => ({ id: probeId(word), word })), articleId: `article:probe-${token}` },
      );
    });
    afterAll(async () => {
      await data.cleanUp();
    });

    it.each([
      ['FUZZY', 'zorbaxel', ['zorbaxel', 'zorbaxels', 'zrobaxel', 'ozrbaxle', 'zorbxl', 'zorbaxe']],
      ['FUZZY', 'zorb', ['zorbxl', 'zorb', 'zo', 'zob', 'zr']],
      ['FUZZY', 'zobr', ['zorb', 'zo', 'zob', 'zr']],
      ['PREFIX', 'zorba', ['zorbaxel', 'zorbaxels', 'zorbaxelqqq', 'zorbaxe']],
      ['PREFIX', 'zo', ['zorbaxel', 'zorbaxels', 'zorbxl', 'zorbaxelqqq', 'zorbaxe', 'zorb', 'zo', 'zob']],
      ['WORDS', 'zorbaxel', ['zorbaxel']],
    ])('in %s mode, "%s" finds %j, and marks exactly the words of the quotations Lucene finds', async (mode, query, expected) => {
      const hits = await quotationSearch({ query, mode, first: 100 });
      const found = new Map(hits.filter((hit) => hit.quotation.id.includes(token)).map((hit) => [hit.quotation.id, hit]));
      expect(PROBES.filter((word) => found.has(probeId(word)))).toEqual(expected);
      // The words Lucene found are marked in their quotations; the others are no match to the matcher either.
      const matcher = TextMatcher.of(query, mode as 'WORDS' | 'PREFIX' | 'FUZZY');
      const disagreements = PROBES.filter((word) => {
        const hit = found.get(probeId(word));
        const highlighted = hit ? marked(hit.quotation.text, hit.highlights).length > 0 : matcher.match(word).highlights.length > 0;
        return (hit !== undefined) !== highlighted;
      });
      expect(disagreements).toEqual([]);
    });
  });
});
