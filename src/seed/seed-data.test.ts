import { describe, expect, it } from '@jest/globals';
import { DERIVED_RELATION_TYPES, StatisticRank, measureDefinition, provenanceProblem, relationTypeDefinition, statisticRankProblem, type EntityKind } from '../ontology';
import { findQuote, normaliseText, quoteTooShort, splitSentences } from '../article';
import { readArticleTexts, readSeedGraph } from './seed-data';
import type { SeedEvidence, SeedPeriod, SeedStatistic } from './seed.types';

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

/** A statistic's sentences: its source's, then every other article's that states the same number. */
function sourcesOf(statistic: SeedStatistic): SeedEvidence[] {
  return [{ articleId: statistic.sourceId, quote: statistic.evidence }, ...(statistic.alsoStatedBy ?? [])];
}

/** Every evidence quote of the seed, of relations and statistics, with what it is evidence of. */
const evidenceQuotes = [
  ...graph.relations.flatMap((relation) => relation.evidence.map((evidence) => ({ of: `${relation.fromId} ${relation.type} ${relation.toId}`, ...evidence }))),
  ...graph.statistics.flatMap((statistic) => sourcesOf(statistic).map((source) => ({ of: statistic.id, ...source }))),
];

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
  {
    file: '004_39402ad8f36037ec.txt',
    context: 'offering help in exchange for a few thousand dollars',
    number: 'a few thousand',
    reason: 'a vague amount: no value the words support would not be invented, so it stays words (docs/ontology.md)',
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
  const statistics = graph.statistics.flatMap((statistic) =>
    sourcesOf(statistic)
      .filter((source) => source.articleId === articleId)
      .map((source) => ({ statistic, spans: spansOf(text, normaliseText(source.quote)) })),
  );
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
      expect(entry.context).toContain(entry.number);
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

  it('are evidenced by one whole sentence of each article that states them', () => {
    for (const statistic of graph.statistics) {
      for (const source of sourcesOf(statistic)) {
        const sentences = splitSentences(textOf(source.articleId)).map(normaliseText);
        expect({ id: statistic.id, source: source.articleId, isSentence: sentences.includes(normaliseText(source.quote)) }).toEqual({
          id: statistic.id,
          source: source.articleId,
          isSentence: true,
        });
      }
    }
  });

  it('count a measure of the controlled list (src/ontology/measures.ts), in that measure\'s unit', () => {
    for (const statistic of graph.statistics) {
      expect({ id: statistic.id, measure: statistic.measure, unit: statistic.unit }).toEqual({
        id: statistic.id,
        measure: measureDefinition(statistic.measure)?.measure,
        unit: measureDefinition(statistic.measure)?.unit,
      });
    }
  });

  it('name a collector only where it is an organization or a group of the graph', () => {
    for (const statistic of graph.statistics) {
      if (statistic.collectedById === undefined) continue;
      expect({ id: statistic.id, kind: kindById.get(statistic.collectedById) }).toEqual({
        id: statistic.id,
        kind: expect.stringMatching(/^(ORGANIZATION|GROUP)$/),
      });
    }
  });

  it('give no invented value to a vague amount: "a few thousand dollars" is words, not a statistic', () => {
    expect(graph.statistics.filter((statistic) => sourcesOf(statistic).some((source) => source.quote.includes('a few thousand')))).toEqual([]);
  });

  it('are one statistic with two sources for the border\'s 5,500 miles', () => {
    const lengths = graph.statistics.filter((statistic) => statistic.measure === 'border length');
    expect(lengths).toHaveLength(1);
    expect(sourcesOf(lengths[0]).map((source) => source.articleId).sort()).toEqual(graph.articles.map((article) => article.id).sort());
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

  it('are ranked from the vocabulary, with a reason exactly where not NORMAL', () => {
    for (const statistic of graph.statistics) {
      expect({ id: statistic.id, problem: statisticRankProblem(statistic.rank ?? StatisticRank.NORMAL, statistic.rankReason) }).toEqual({
        id: statistic.id,
        problem: null,
      });
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

  it('anchors every evidence quote, of relations and statistics, exactly once in its article', () => {
    const notOnce = evidenceQuotes
      .map((quote) => ({ ...quote, occurrences: findQuote(textOf(quote.articleId), quote.quote).length }))
      .filter((quote) => quote.occurrences !== 1);
    expect(notOnce).toEqual([]);
  });

  it('quotes at least a clause in every evidence, as the API requires of editors (QUOTE_MINIMUM)', () => {
    expect(evidenceQuotes.filter((quote) => quoteTooShort(quote.quote) !== null)).toEqual([]);
  });

  it('says for every relation whether the text asserts it, the curators inferred it (why) or it is external (whence)', () => {
    const problems = graph.relations
      .map((relation) => ({ relation: `${relation.fromId} ${relation.type} ${relation.toId}`, problem: provenanceProblem(relation.provenance) }))
      .filter(({ problem }) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('says the provenance of every description, period and publication date', () => {
    const problems: string[] = [];
    for (const node of allNodes) {
      if (node.description !== undefined) {
        const problem = provenanceProblem(node.descriptionProvenance);
        if (problem) problems.push(`${node.id} description: ${problem}`);
      } else if (node.descriptionProvenance !== undefined) problems.push(`${node.id}: provenance of no description`);
    }
    for (const node of [...graph.entities, ...graph.statistics]) {
      const problem = node.period ? provenanceProblem(node.period.provenance) : null;
      if (problem) problems.push(`${node.id} period: ${problem}`);
    }
    for (const article of graph.articles) {
      const problem = provenanceProblem(article.publishedOnProvenance);
      if (problem) problems.push(`${article.id} publishedOn: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps aliases the texts never spell, marked as not ASSERTED, and marks no alias the texts spell', () => {
    const corpus = graph.articles.map((article) => normaliseText(textOf(article.id)));
    const spelled = (alias: string) => {
      const escaped = normaliseText(alias).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
      return corpus.some((text) => pattern.test(text));
    };
    const wrong: string[] = [];
    for (const node of allNodes) {
      for (const alias of node.aliases) {
        const provenance = node.aliasProvenance?.[alias];
        if (provenance === undefined && !spelled(alias)) wrong.push(`${node.id} "${alias}": not in the texts, no provenance`);
        if (provenance !== undefined && (provenance.kind === 'ASSERTED' || provenanceProblem(provenance) !== null)) {
          wrong.push(`${node.id} "${alias}": ${provenanceProblem(provenance) ?? 'ASSERTED needs no entry'}`);
        }
      }
      for (const alias of Object.keys(node.aliasProvenance ?? {})) {
        if (!node.aliases.includes(alias)) wrong.push(`${node.id} "${alias}": provenance of no alias`);
      }
    }
    expect(wrong).toEqual([]);
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

  it('join two different entities, where the type gives a self-loop no meaning', () => {
    const selfLoops = graph.relations.filter((relation) => relation.fromId === relation.toId && !relationTypeDefinition(relation.type)?.reflexive);
    expect(selfLoops).toEqual([]);
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
    expect(crossings.period).toMatchObject({ start: '2025-01-01', end: '2025-01-31', label: 'January', provenance: { kind: 'INFERRED' } });
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
      provenance: { kind: 'INFERRED', reason: 'a bare year compared with a fiscal year is that fiscal year: FY2022' },
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
      (statistic) => statistic.originId === 'place:canada' && statistic.measure === 'migrant crossings',
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

describe('the kinds and relations the audit of issue 11 found missing', () => {
  const entity = (id: string) => graph.entities.find((candidate) => candidate.id === id);
  const has = (type: string, fromId: string, toId: string) =>
    graph.relations.some((relation) => relation.type === type && relation.fromId === fromId && relation.toId === toId);

  it('models groups, equipment and parties as nodes of their own', () => {
    expect(resolve('northbounders')).toEqual(['group:northbounders']);
    expect(resolve('coyotes')).toEqual(['group:canadian-coyotes']);
    expect(resolve('Black Hawk helicopters')).toEqual(['equipment:black-hawk-helicopters']);
    expect(resolve('drones')).toEqual(['equipment:drones']);
    expect(entity('party:republican-party')?.kind).toBe('PARTY');
    for (const id of ['group:migrants', 'group:us-officials', 'group:unnamed-sources', 'group:canadian-border-officials']) {
      expect(entity(id)?.kind).toBe('GROUP');
    }
  });

  it('has the Government of Canada act where the text says "Canada" acts, and keeps Canada a place', () => {
    expect(entity('organization:government-of-canada')).toMatchObject({ kind: 'ORGANIZATION', countryId: 'place:canada' });
    expect(entity('place:canada')?.kind).toBe('PLACE');
    expect(graph.relations.filter((relation) => relation.fromId === 'place:canada' && relation.type === 'IMPLEMENTED')).toEqual([]);
    expect(has('IMPLEMENTED', 'organization:government-of-canada', 'policy:canadas-tightened-visa-requirements')).toBe(true);
    expect(has('PRESSURED', 'organization:trump-administration', 'organization:government-of-canada')).toBe(true);
  });

  it.each([
    ['MEMBER_OF', 'person:mike-kelly', 'party:republican-party'],
    ['LEADS', 'person:donald-trump', 'organization:trump-administration'],
    ['DURING', 'event:record-illegal-crossings-from-canada-under-the-biden-administration', 'organization:biden-administration'],
    ['RESPONDED_TO', 'policy:canadas-stepped-up-border-enforcement', 'organization:trump-administration'],
    ['FOLLOWED', 'policy:canadas-tightened-visa-requirements', 'event:migrants-exploitation-of-canadas-lenient-entry-policies'],
    ['FOLLOWED', 'event:decline-of-illegal-crossings-from-canada', 'event:2024-election-of-donald-trump'],
    ['FOLLOWED', 'event:decline-of-illegal-crossings-from-canada', 'policy:redeployment-of-border-patrol-agents-to-the-southern-border'],
    ['INVOLVES', 'event:northbounders-earlier-crossing-from-mexico', 'group:northbounders'],
    ['INVOLVES', 'event:canadian-coyotes-advertising-illegal-crossings-on-tiktok', 'group:canadian-coyotes'],
    ['BORDERS', 'place:alberta', 'place:united-states'],
  ])('holds %s from %s to %s', (type, fromId, toId) => {
    expect(has(type, fromId, toId)).toBe(true);
  });

  it('gives the Trump administration the words "the new administration", and marks outside names as EXTERNAL', () => {
    expect(resolve('the new administration')).toEqual(['organization:trump-administration']);
    expect(entity('organization:the-post')?.aliasProvenance?.['New York Post']?.kind).toBe('EXTERNAL');
    expect(entity('person:mike-kelly')?.aliasProvenance?.['Rep. Kelly']?.kind).toBe('EXTERNAL');
    expect(entity('organization:us-border-patrol')?.aliasProvenance?.['USBP']?.kind).toBe('EXTERNAL');
  });

  it('tells the collector of the Alberta counts (Canadian border officials) from their reporter (The New York Times)', () => {
    const alberta = graph.statistics.filter((statistic) => statistic.id.startsWith('statistic:illegal-migrants-caught-in-alberta'));
    expect(alberta.map((statistic) => [statistic.collectedById, statistic.reportedById])).toEqual([
      ['group:canadian-border-officials', 'organization:the-new-york-times'],
      ['group:canadian-border-officials', 'organization:the-new-york-times'],
    ]);
  });
});
