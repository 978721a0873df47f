import { describe, expect, it } from '@jest/globals';
import { DERIVED_RELATION_TYPES, relationTypeDefinition, type EntityKind } from '../ontology';
import { normaliseText, splitSentences } from '../article';
import { readArticleTexts, readSeedGraph } from './seed-data';
import type { SeedPeriod, SeedStatistic } from './seed.types';

const graph = readSeedGraph();
const articleTexts = readArticleTexts(graph);

const kindById = new Map<string, EntityKind>([
  ...graph.articles.map((article) => [article.id, 'ARTICLE'] as const),
  ...graph.entities.map((entity) => [entity.id, entity.kind] as const),
  ...graph.statistics.map((statistic) => [statistic.id, 'STATISTIC'] as const),
]);
const allNodes = [...graph.articles, ...graph.entities, ...graph.statistics];

function textOf(articleId: string): string {
  const text = articleTexts.get(articleId);
  if (text === undefined) throw new Error(`No text for ${articleId}`);
  return text;
}

function articleIdOfFile(file: string): string {
  const article = graph.articles.find((candidate) => candidate.file === file);
  if (article === undefined) throw new Error(`No article for ${file}`);
  return article.id;
}

/** Nodes whose canonical name or an alias equals the given name, as the API's entity(name:) finds them. */
function resolve(name: string): string[] {
  const wanted = normaliseText(name).toLowerCase();
  return allNodes
    .filter((node) => [node.name, ...node.aliases].some((candidate) => normaliseText(candidate).toLowerCase() === wanted))
    .map((node) => node.id);
}

function statisticWhere(predicate: (statistic: SeedStatistic) => boolean): SeedStatistic {
  const matches = graph.statistics.filter(predicate);
  if (matches.length !== 1) throw new Error(`Expected one statistic, found ${matches.length}`);
  return matches[0];
}

// ---------------------------------------------------------------------------------------------
// Numbers in running text. Deliberately general: a new number in an article must be caught
// here even if nobody thought to add a statistic for it.

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12, half: 0.5, twice: 2,
};
const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
const WORD = `(?:${Object.keys(NUMBER_WORDS).join('|')})`;
const SCALE = `(?:${Object.keys(SCALE_WORDS).join('|')})s?`;
const NUMERAL = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Quantities with no exact value ("a few thousand"); they count only before a scale word. */
const VAGUE = String.raw`a\s+few|several|a\s+couple\s+of`;
const NUMBER_EXPRESSION = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:\$\s?)?` +
    `(?:(?:${NUMERAL}|${WORD}(?:[\\s-]+${WORD})*)(?:\\s+${SCALE})*|(?:${VAGUE})(?:\\s+${SCALE})+|${SCALE}(?:\\s+${SCALE})*)` +
    String.raw`(?:\s?%|\s+percent)?(?![\p{L}\p{N}])`,
  'giu',
);

interface NumberInText {
  text: string;
  /** Undefined for vague quantities ("a few thousand", "thousands"). */
  value: number | undefined;
  offset: number;
}

function parseNumber(expression: string): number | undefined {
  const tokens = expression
    .toLowerCase()
    .replace(/[$%]|\bpercent\b/g, ' ')
    .split(/[\s-]+/)
    .filter((token) => token.length > 0);
  let value: number | undefined;
  for (const token of tokens) {
    const scale = SCALE_WORDS[token.replace(/s$/, '')];
    if (/^\d/.test(token)) value = (value ?? 0) + Number(token.replace(/,/g, ''));
    else if (token in NUMBER_WORDS) value = (value ?? 0) + NUMBER_WORDS[token];
    else if (scale !== undefined && value !== undefined && !token.endsWith('s')) value *= scale;
    else return undefined;
  }
  return value;
}

function numbersIn(text: string): NumberInText[] {
  return [...text.matchAll(NUMBER_EXPRESSION)].map((match) => ({
    text: match[0],
    value: parseNumber(match[0]),
    offset: match.index,
  }));
}

/**
 * Numbers of the corpus that are not quantities, each pinned by the words around it so that a
 * new occurrence elsewhere is still checked. Years inside a period label ("December 2023") need
 * no entry: they are accounted for by the period of the statistic whose evidence contains them.
 */
const NOT_STATISTICS: ReadonlyArray<{ file: string; context: string; number: string; reason: string }> = [
  {
    file: '004_39402ad8f36037ec.txt',
    context: 'go from one piece of grass to the next',
    number: 'one',
    reason: 'figure of speech in a quote, not a count',
  },
];

function spansOf(haystack: string, needle: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    spans.push([at, at + needle.length]);
  }
  return spans;
}

const covers = (spans: Array<[number, number]>, offset: number): boolean =>
  spans.some(([start, end]) => offset >= start && offset < end);

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

function isYearOfPeriodLabel(number: NumberInText, period: SeedPeriod | undefined): boolean {
  return period !== undefined && new RegExp(`(?<!\\d)${number.text}(?!\\d)`).test(period.label);
}

function unaccountedNumbers(file: string): string[] {
  const articleId = articleIdOfFile(file);
  const text = normaliseText(textOf(articleId));
  const statistics = graph.statistics
    .filter((statistic) => statistic.sourceId === articleId)
    .map((statistic) => ({ statistic, spans: spansOf(text, normaliseText(statistic.evidence)) }));
  const exceptions = NOT_STATISTICS.filter((entry) => entry.file === file).map((entry) => ({
    entry,
    spans: spansOf(text, entry.context),
  }));

  return numbersIn(text)
    .filter((number) => {
      const isException = exceptions.some(
        ({ entry, spans }) => entry.number.toLowerCase() === number.text.toLowerCase() && covers(spans, number.offset),
      );
      const isStatistic = statistics.some(
        ({ statistic, spans }) =>
          covers(spans, number.offset) &&
          ((number.value !== undefined && sameValue(number.value, statistic.value)) ||
            normaliseText(statistic.valueText).toLowerCase().includes(number.text.toLowerCase()) ||
            isYearOfPeriodLabel(number, statistic.period)),
      );
      return !isException && !isStatistic;
    })
    .map((number) => `"${number.text}" at ${number.offset}: …${text.slice(number.offset - 40, number.offset + 40)}…`);
}

describe('the number extractor behind the coverage check', () => {
  it('finds numerals, number words, money, percentages and vague quantities with their values', () => {
    const found = numbersIn(
      'Around 1,200 people, twenty-five agents, $3.5 million, 40% and a few thousand dollars; thousands more in 2024, one by one.',
    ).map(({ text, value }) => [text, value]);
    expect(found).toEqual([
      ['1,200', 1200],
      ['twenty-five', 25],
      ['$3.5 million', 3.5e6],
      ['40%', 40],
      ['a few thousand', undefined],
      ['thousands', undefined],
      ['2024', 2024],
      ['one', 1],
      ['one', 1],
    ]);
  });

  it('does not read numbers into words that merely contain them', () => {
    expect(numbersIn('Someone, anyone, the tone of a phone call; often, none.')).toEqual([]);
  });
});

describe('every number in the articles is accounted for', () => {
  it.each(graph.articles.map((article) => article.file))(
    'in %s, by a statistic of that article (value, written form or year of its period) or a listed exception',
    (file) => {
      expect(unaccountedNumbers(file)).toEqual([]);
    },
  );

  it('lists no exception that no longer occurs in its article', () => {
    for (const entry of NOT_STATISTICS) {
      expect(normaliseText(textOf(articleIdOfFile(entry.file)))).toContain(entry.context);
      expect(entry.context.split(/\s+/)).toContain(entry.number);
    }
  });
});

describe('statistics', () => {
  it.each(graph.statistics.map((statistic) => [statistic.id, statistic] as const))(
    '%s: its written value is in its evidence and reads as its value',
    (_id, statistic) => {
      expect(statistic.evidence).toContain(statistic.valueText);
      const written = numbersIn(statistic.valueText);
      expect(written).toHaveLength(1);
      const parsed = written[0].value;
      if (parsed === undefined) expect(statistic.qualifier).toBe('APPROXIMATE');
      else expect(sameValue(parsed, statistic.value)).toBe(true);
    },
  );

  it('are evidenced by one whole sentence of their source article', () => {
    for (const statistic of graph.statistics) {
      const sentences = splitSentences(textOf(statistic.sourceId)).map(normaliseText);
      expect({ id: statistic.id, isSentence: sentences.includes(normaliseText(statistic.evidence)) }).toEqual({
        id: statistic.id,
        isSentence: true,
      });
    }
  });

  it('point at a source article, places and an organization as reporter', () => {
    for (const statistic of graph.statistics) {
      expect(kindById.get(statistic.sourceId)).toBe('ARTICLE');
      for (const placeId of [statistic.originId, statistic.destinationId, ...statistic.placeIds]) {
        if (placeId !== undefined) expect({ placeId, kind: kindById.get(placeId) }).toEqual({ placeId, kind: 'PLACE' });
      }
      if (statistic.reportedById !== undefined) expect(kindById.get(statistic.reportedById)).toBe('ORGANIZATION');
    }
  });

  it('list their origin and destination among the places they are about', () => {
    for (const statistic of graph.statistics) {
      for (const endpoint of [statistic.originId, statistic.destinationId]) {
        if (endpoint !== undefined) expect(statistic.placeIds).toContain(endpoint);
      }
      expect(statistic.placeIds.length).toBeGreaterThan(0);
    }
  });

  it('name what they count in lower case, with a unit', () => {
    for (const statistic of graph.statistics) {
      expect(statistic.measure).toBe(statistic.measure.toLowerCase());
      expect(statistic.unit.length).toBeGreaterThan(0);
    }
  });
});

describe('provenance', () => {
  it('quotes every relation evidence verbatim from its article', () => {
    for (const relation of graph.relations) {
      for (const evidence of relation.evidence) {
        expect(normaliseText(textOf(evidence.articleId))).toContain(normaliseText(evidence.quote));
      }
    }
  });

  it('quotes every statistic evidence verbatim from its source', () => {
    for (const statistic of graph.statistics) {
      expect(normaliseText(textOf(statistic.sourceId))).toContain(normaliseText(statistic.evidence));
    }
  });
});

describe('entity resolution', () => {
  const sameThing: ReadonlyArray<readonly [string, readonly string[]]> = [
    [
      'organization:royal-canadian-mounted-police',
      ['Royal Canadian Mounted Police', 'RCMP', 'Canadian mounted police', 'Mounties', 'Canadian Mounties'],
    ],
    ['place:us-canada-border', ['northern border', 'U.S.-Canada border', 'Canada-US border', 'border with Canada', 'Canadian border']],
    ['place:us-mexico-border', ['southern border', 'southwest border', 'U.S.-Mexico border', 'US-Mexico border', 'border with Mexico']],
    ['place:united-states', ['United States', 'U.S.', 'US']],
    ['organization:us-customs-and-border-protection', ['CBP', 'Customs and Border Patrol', 'U.S. Customs and Border Protection']],
    ['organization:us-border-patrol', ['U.S. Border Patrol']],
    ['organization:us-department-of-homeland-security', ['Homeland Security']],
    ['organization:the-post', ['The Post']],
    ['person:donald-trump', ['Trump', 'President Trump']],
    ['person:mike-kelly', ['Mike Kelly', 'Representative Mike Kelly', 'Kelly']],
  ];

  it.each(sameThing)('resolves every name of %s to that one node', (id, names) => {
    for (const name of names) expect({ name, ids: resolve(name) }).toEqual({ name, ids: [id] });
  });

  it('gives no two nodes a name or alias in common (case-insensitive)', () => {
    const owners = new Map<string, string[]>();
    for (const node of allNodes) {
      for (const name of new Set([node.name, ...node.aliases].map((candidate) => normaliseText(candidate).toLowerCase()))) {
        owners.set(name, [...(owners.get(name) ?? []), node.id]);
      }
    }
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it('forms every id as <kind>:<kebab-case ASCII slug>, once', () => {
    for (const [id, kind] of kindById) expect(id).toMatch(new RegExp(`^${kind.toLowerCase()}:[a-z0-9]+(?:-[a-z0-9]+)*$`));
    expect(kindById.size).toBe(allNodes.length);
  });

  it('derives the id of every person, organization, place, policy and event from its canonical name', () => {
    // "U.S." -> "us", "Trump's" -> "trumps", "25%" -> "25-percent", "$900" -> "900".
    const slugOf = (name: string): string =>
      name
        .toLowerCase()
        .replace(/['’]/g, '')
        .replace(/(?<!\d)\.|\.(?!\d)/g, '')
        .replace(/%/g, ' percent ')
        .replace(/&/g, ' and ')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    for (const entity of graph.entities) expect(entity.id).toBe(`${entity.kind.toLowerCase()}:${slugOf(entity.name)}`);
  });

  it('refers only to nodes that exist, of the right kind', () => {
    for (const article of graph.articles) expect(kindById.get(article.publisherId)).toBe('ORGANIZATION');
    for (const entity of graph.entities) {
      if (entity.countryId === undefined) continue;
      expect(['ORGANIZATION', 'PLACE']).toContain(entity.kind);
      const country = graph.entities.find((candidate) => candidate.id === entity.countryId);
      // A country is a place that lies in no country itself.
      expect({ id: entity.id, countryKind: country?.kind, countryOfCountry: country?.countryId }).toEqual({
        id: entity.id,
        countryKind: 'PLACE',
        countryOfCountry: undefined,
      });
    }
  });

  it('gives countries and international borders no country', () => {
    for (const id of ['place:united-states', 'place:canada', 'place:mexico', 'place:us-canada-border', 'place:us-mexico-border']) {
      expect(graph.entities.find((entity) => entity.id === id)?.countryId).toBeUndefined();
    }
    expect(graph.entities.find((entity) => entity.id === 'place:british-columbia')?.countryId).toBe('place:canada');
    expect(graph.entities.find((entity) => entity.id === 'place:washington-state')?.countryId).toBe('place:united-states');
  });
});

describe('relations', () => {
  it('use known, curated types between kinds the type allows', () => {
    for (const relation of graph.relations) {
      const definition = relationTypeDefinition(relation.type);
      const fromKind = kindById.get(relation.fromId);
      const toKind = kindById.get(relation.toId);
      expect({
        relation: `${relation.fromId} ${relation.type} ${relation.toId}`,
        known: definition !== undefined,
        derived: DERIVED_RELATION_TYPES.has(relation.type),
        fromKindAllowed: fromKind !== undefined && definition?.fromKinds.includes(fromKind),
        toKindAllowed: toKind !== undefined && definition?.toKinds.includes(toKind),
      }).toMatchObject({ known: true, derived: false, fromKindAllowed: true, toKindAllowed: true });
    }
  });

  it('carry at least one piece of evidence from a known article, and are not repeated', () => {
    for (const relation of graph.relations) {
      expect(relation.evidence.length).toBeGreaterThan(0);
      for (const evidence of relation.evidence) expect(kindById.get(evidence.articleId)).toBe('ARTICLE');
    }
    const keys = graph.relations.map((relation) => `${relation.fromId} ${relation.type} ${relation.toId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('periods and dates', () => {
  const isoDate = (value: string): boolean =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

  it('are valid ISO calendar dates with start <= end and a label', () => {
    const periods = [...graph.statistics, ...graph.entities].flatMap((node) => (node.period ? [node.period] : []));
    expect(periods.length).toBeGreaterThan(0);
    for (const period of periods) {
      expect([isoDate(period.start), isoDate(period.end)]).toEqual([true, true]);
      expect(period.start <= period.end).toBe(true);
      expect(period.label.length).toBeGreaterThan(0);
    }
    for (const article of graph.articles) expect(isoDate(article.publishedOn)).toBe(true);
  });

  it('resolves "January" of the 40 crossings into British Columbia to January 2025', () => {
    const crossings = statisticWhere((statistic) => statistic.value === 40 && statistic.destinationId === 'place:british-columbia');
    expect(crossings.period).toEqual({ start: '2025-01-01', end: '2025-01-31', label: 'January' });
  });

  it('resolves "last fiscal year" to U.S. fiscal 2024, October to September', () => {
    const lastFiscalYear = statisticWhere((statistic) => statistic.period?.label === 'Last fiscal year');
    expect(lastFiscalYear.period).toMatchObject({ start: '2023-10-01', end: '2024-09-30' });
  });

  it('reads "2022", compared with last fiscal year, as U.S. fiscal 2022', () => {
    expect(statisticWhere((statistic) => statistic.valueText === '2,200').period).toEqual({
      start: '2021-10-01',
      end: '2022-09-30',
      label: '2022',
    });
  });
});

describe("answers to a researcher's questions", () => {
  it('says who reported the 40 crossings into British Columbia, and when, with the sentence', () => {
    const crossings = statisticWhere((statistic) => statistic.value === 40 && statistic.destinationId === 'place:british-columbia');
    expect(crossings.reportedById).toBe('organization:royal-canadian-mounted-police');
    expect(crossings.originId).toBe('place:washington-state');
    expect(crossings.evidence).toBe(
      'The Royal Canadian Mounted Police recorded 40 illegal crossings from Washington into British Columbia in January, while U.S. Border Patrol documented 30 migrants moving south in the same period.',
    );
  });

  it('shows crossings from Canada falling from November 2024 to February 2025', () => {
    const fromCanada = graph.statistics.filter(
      (statistic) => statistic.originId === 'place:canada' && statistic.measure === 'illegal crossings',
    );
    const november = fromCanada.find((statistic) => statistic.period?.start === '2024-11-01');
    const february = fromCanada.find((statistic) => statistic.period?.start === '2025-02-01');
    expect([november?.value, february?.value]).toEqual([12085, 4098]);
    expect(graph.relations).toContainEqual(
      expect.objectContaining({ type: 'DECREASED_FROM', fromId: february?.id, toId: november?.id }),
    );
  });

  it('says what Rep. Kelly co-chairs', () => {
    expect(
      graph.relations.filter((relation) => relation.fromId === 'person:mike-kelly' && relation.type === 'CO_CHAIRS').map((relation) => relation.toId),
    ).toEqual(['organization:northern-border-security-caucus']);
  });
});
