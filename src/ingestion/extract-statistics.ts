import { anchorAt, longestMatches, namePatternsOf, sentenceSpans, type NameMatch, type NamePatterns } from '../article';
import { EntityKind, measureDefinition, MONTH_NAMES, ValueQualifier } from '../ontology';
import { knownNamePatterns } from './extract-mentions';
import type { CandidateComparison, CandidatePeriod, CandidateStatistic, KnownEntity, StatisticComparisonType } from './extraction.types';
import { resolvePeriod } from './resolve-period';

/**
 * Numbers of an article as candidate statistics (issue 12, part 2): deterministic rules over the
 * article's own sentences, no model. A number becomes a candidate only when its measure, from the
 * controlled list of src/ontology/measures.ts, can be read from its words; any other number (a
 * figure of speech, a year, "500 agents") is left out rather than proposed without a measure.
 */

export interface ExtractStatisticsOptions {
  /** ISO date; null leaves every period unresolved (periodText keeps the words). */
  publishedOn: string | null;
  knownEntities: readonly KnownEntity[];
}

// ---------------------------------------------------------------------------------------------
// Numbers in running text

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const WORD = `(?:${Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const SCALE = `(?:${Object.keys(SCALES).join('|')})`;
const NUMERAL = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** "$900 million", "23,700", "one million", "twenty-five", "78%", "5,500-mile", "5,500 miles", "a million". */
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.,]|[\p{L}\p{N}]-)` +
    String.raw`(?<currency>US\$|C\$|\$)?` +
    `(?<amount>(?:${NUMERAL})(?:\\s+${SCALE})*|${WORD}(?:(?:\\s+|-)(?:and\\s+)?(?:${WORD}|${SCALE}))*|a\\s+${SCALE}(?:\\s+${SCALE})*)` +
    String.raw`(?<suffix>\s?%|\s+per\s?cent\b|-mile\b|\s+miles\b|\s+dollars\b)?` +
    String.raw`(?![\p{L}\p{N}])`,
  'giu',
);

/** Quantities too vague to carry a point value ("a few thousand dollars"): they stay words. */
const VAGUE_BEFORE = /\b(?:a\s+few|several|a\s+couple\s+of|some|many)\s+$/i;
/** A year names a period, not a quantity: "in 2022", "December 2023". */
const YEAR_BEFORE = new RegExp(`(?:\\b(?:in|since|of|by|from|to|until|during|fiscal|year|FY)|${MONTH_NAMES.join('|')})\\s+$`, 'i');

function parseAmount(amount: string): number {
  const numeral = /^[\d,.]+/.exec(amount);
  const tokens = amount.toLowerCase().split(/[\s-]+/).filter((token) => token !== 'and');
  if (numeral) {
    return tokens.slice(1).reduce((value, scale) => value * (SCALES[scale] ?? 1), Number(numeral[0].replace(/,/g, '')));
  }
  let total = 0;
  let current = 0;
  for (const token of tokens) {
    if (token === 'a') current = 1;
    else if (token in UNITS) current += UNITS[token]!;
    else if (token === 'hundred') current = (current || 1) * 100;
    else if (token in SCALES) {
      total += (current || 1) * SCALES[token]!;
      current = 0;
    }
  }
  return total + current;
}

// ---------------------------------------------------------------------------------------------
// Qualifiers (docs/ontology.md, Statistics)

/**
 * The words just before a number. "nearly" and "almost" are APPROXIMATE, not LESS_THAN: reporters
 * use them for rounded figures, and LESS_THAN would make "nearly 1,000" disagree with another
 * source's "1,000" for the same count. "just" stresses smallness and stays EXACT.
 */
const QUALIFIERS: ReadonlyArray<readonly [RegExp, ValueQualifier]> = [
  [/\b(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than)\s+$/i, ValueQualifier.AT_LEAST],
  [/\b(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of)\s+$/i, ValueQualifier.MORE_THAN],
  [/\b(?:fewer\s+than|less\s+than|under|below)\s+$/i, ValueQualifier.LESS_THAN],
  [/\b(?:around|about|approximately|roughly|some|an\s+estimated|nearly|almost|close\s+to)\s+$/i, ValueQualifier.APPROXIMATE],
];

function qualifierBefore(before: string): ValueQualifier {
  return QUALIFIERS.find(([pattern]) => pattern.test(before))?.[1] ?? ValueQualifier.EXACT;
}

// ---------------------------------------------------------------------------------------------
// Measures

const PEOPLE = /^(?:migrants?|people|persons?|individuals?|asylum[- ]seekers?|refugees?|children|adults|families)$/i;
const CROSSINGS = /^(?:crossings?|entries|encounters)$/i;
const HELICOPTERS = /^helicopters?$/i;
const DISCOVERY_VERBS = /\b(?:discovered|found|intercepted|rescued)\b/gi;
const APPREHENSION_VERBS = /\b(?:caught|apprehended|arrested|detained|captured|stopped)\b/gi;
const CROSSING_VERBS = /\b(?:crossing|crossed|moving|heading|entering|entered|coming|fleeing)\b/gi;
const PER_DAY = /\b(?:each|per|a)\s+day\b|\bdaily\b/i;
const CHANGE_WORDS = /\b(?:drop|dropped|dropping|decline|declined|declining|fall|fell|falling|decrease|decreased|plunge|plunged|down)\b/i;

interface MeasureReading {
  measure: string;
  /** How directly the words give it. */
  confidence: number;
}

const reading = (measure: string, confidence: number): MeasureReading => ({ measure, confidence });

/** The measure of a count of people, from the verb nearest before it, else the first one after it. */
function peopleMeasure(before: string, after: string): MeasureReading | null {
  const verbsBefore = [
    ...[...before.matchAll(DISCOVERY_VERBS)].map((match) => ({ at: match.index, measure: 'migrants discovered' })),
    ...[...before.matchAll(APPREHENSION_VERBS)].map((match) => ({ at: match.index, measure: 'apprehensions' })),
  ].sort((a, b) => b.at - a.at);
  if (verbsBefore[0]) return reading(verbsBefore[0].measure, 0.85);
  const verbsAfter = [
    ...[...after.matchAll(DISCOVERY_VERBS)].map((match) => ({ at: match.index, measure: 'migrants discovered' })),
    ...[...after.matchAll(APPREHENSION_VERBS)].map((match) => ({ at: match.index, measure: 'apprehensions' })),
    ...[...after.matchAll(CROSSING_VERBS)].map((match) => ({ at: match.index, measure: 'migrant crossings' })),
  ].sort((a, b) => a.at - b.at);
  return verbsAfter[0] ? reading(verbsAfter[0].measure, 0.8) : null;
}

/**
 * The measure a number's own words give: its unit, the noun it counts (within four words), and
 * the verb that says how they were counted.
 */
function ownMeasure(number: FoundNumber, before: string, after: string, sentence: string): MeasureReading | null {
  if (number.unitHint === 'percent') {
    if (/\btariffs?\b/i.test(after.slice(0, 40)) || /\btariffs?\b/i.test(sentence)) return reading('tariff rate', 0.85);
    if (CHANGE_WORDS.test(sentence)) return reading('percentage drop in illegal crossings', 0.75);
    return null;
  }
  if (number.unitHint === 'USD') return /\bborder\s+security\b|\bsecurity\b|\benforcement\b/i.test(sentence) ? reading('border security funding', 0.8) : null;
  if (number.unitHint === 'miles') return /\bborder\b/i.test(sentence) ? reading('border length', 0.9) : null;
  if (number.unitHint !== null) return null;

  const words = after.replace(/^[\s—–-]+/, '').split(/[\s]+/).slice(0, 4).map((word) => word.replace(/[^\p{L}-]+$/u, ''));
  const stop = words.findIndex((word) => word === '' || /^(?:in|from|to|the|and|or|of|at|on|a|an)$/i.test(word));
  const noun = (stop < 0 ? words : words.slice(0, stop)).find((word) => PEOPLE.test(word) || CROSSINGS.test(word) || HELICOPTERS.test(word));
  if (noun && HELICOPTERS.test(noun)) return reading('helicopters purchased', 0.9);
  if (noun && CROSSINGS.test(noun)) return reading('illegal crossings', 0.9);
  if (noun && PEOPLE.test(noun)) {
    if (PER_DAY.test(after)) return reading('migrants illegally crossing per day', 0.9);
    return peopleMeasure(before, after);
  }
  // A number standing alone ("a peak of 18,944 captured entering ...") is read by the verb right after it.
  if (/^\s+(?:\w+ly\s+)?(?:captured|caught|apprehended|discovered|found|crossing|crossed)\b/i.test(after)) {
    const measure = peopleMeasure('', after.slice(0, 30));
    return measure && reading(measure.measure, 0.65);
  }
  return null;
}

/** What the sentence as a whole counts, for numbers that stand alone ("from 12,085 in November to 4,098 in February"). */
function sentenceMeasure(sentence: string): MeasureReading | null {
  if (/\billegal\s+(?:border\s+)?(?:crossings|entries)\b/i.test(sentence)) return reading('illegal crossings', 0.6);
  if (/\b(?:migrants|people|persons|individuals)\s+(?:crossing|moving|heading|entering)\b/i.test(sentence)) return reading('migrant crossings', 0.6);
  if (APPREHENSION_VERBS.test(sentence)) {
    APPREHENSION_VERBS.lastIndex = 0;
    return reading('apprehensions', 0.5);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Periods in a sentence

const MONTH = `(?:${MONTH_NAMES.join('|')})`;
const PERIOD_PHRASE = new RegExp(
  [
    String.raw`\b(?:in|during|over)\s+the\s+same\s+(?:period|time(?:\s+period)?|months?)\b`,
    String.raw`\b(?:[Tt]he\s+)?(?:[Ll]ast|[Pp]revious|[Pp]rior)\s+fiscal\s+year\b`,
    String.raw`\b[Tt]his\s+fiscal\s+year\b`,
    String.raw`\b(?:[Ff]iscal(?:\s+[Yy]ear)?|FY)\s?(?:19|20)\d{2}\b`,
    `\\b${MONTH}\\s+(?:19|20)\\d{2}\\b`,
    String.raw`\b[Tt]his\s+year\b`,
    String.raw`\b(?:[Tt]he\s+)?(?:previous|prior)\s+year\b|\b[Ll]ast\s+year\b|\b[Tt]he\s+year\s+before\b`,
    `\\b${MONTH}(?:['’]s)?(?![\\p{L}])`,
    String.raw`(?<=\b(?:in|since|during|of)\s)(?:19|20)\d{2}\b`,
  ].join('|'),
  'gu',
);

interface PeriodPhrase {
  start: number;
  end: number;
  words: string;
  /** A calendar period ("February", "December 2023"), usable as an end of a change's range. */
  dated: boolean;
  same: boolean;
}

function periodPhrases(sentence: string): PeriodPhrase[] {
  return [...sentence.matchAll(PERIOD_PHRASE)].map((match) => {
    const words = match[0].replace(/['’]s$/, '');
    return {
      start: match.index,
      end: match.index + match[0].length,
      words,
      dated: new RegExp(`^${MONTH}`).test(words),
      same: /same/.test(words),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Places and reporters

const REPORT_ONLY_VERBS = /^(?:reported|reports|report|said|says|announced|published|estimated)$/i;
const SUBJECT_VERB = /^\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:\w+ly\s+)?(recorded|reported|reports|report|documented|counted|discovered|caught|apprehended|found|registered|logged|tallied|detected|intercepted|arrested|said|says|announced|published|estimated)\b/i;

interface EntityIndex {
  patterns: NamePatterns[];
  byId: Map<string, KnownEntity>;
  /** For each border between two countries (a place named "… border" in no country), the two country ids. */
  borders: Map<string, [string, string]>;
}

function indexEntities(entities: readonly KnownEntity[]): EntityIndex {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const places = entities.filter((entity) => entity.kind === EntityKind.PLACE);
  const countries = places.filter((place) => !place.countryId && !/\bborder\b/i.test(place.name));
  const borders = new Map<string, [string, string]>();
  for (const border of places.filter((place) => !place.countryId && /\bborder\b/i.test(place.name))) {
    const names = [border.name, ...border.aliases];
    const separated = countries.filter((country) =>
      names.some((name) => longestMatches(name, [namePatternsOf(country)]).length > 0),
    );
    if (separated.length === 2) borders.set(border.id, [separated[0]!.id, separated[1]!.id]);
  }
  return { patterns: knownNamePatterns(entities), byId, borders };
}

function countryOf(index: EntityIndex, placeId: string): string | undefined {
  const place = index.byId.get(placeId);
  if (!place || place.kind !== EntityKind.PLACE || index.borders.has(placeId)) return undefined;
  return place.countryId ?? place.id;
}

/** The border between the two countries a movement joins, if the graph knows it. */
function borderBetween(index: EntityIndex, originId: string, destinationId: string): string | undefined {
  const [from, to] = [countryOf(index, originId), countryOf(index, destinationId)];
  if (!from || !to || from === to) return undefined;
  return [...index.borders].find(([, pair]) => pair.includes(from) && pair.includes(to))?.[0];
}

/** The one country a country borders, when the graph knows exactly one border of it ("south from Canada" is into the U.S.). */
function onlyNeighbour(index: EntityIndex, countryId: string): string | undefined {
  const neighbours = [...index.borders.values()].filter((pair) => pair.includes(countryId));
  if (neighbours.length !== 1) return undefined;
  return neighbours[0]!.find((id) => id !== countryId);
}

// ---------------------------------------------------------------------------------------------
// The extraction

interface FoundNumber {
  start: number;
  end: number;
  valueText: string;
  value: number;
  unitHint: 'percent' | 'USD' | 'miles' | 'other-currency' | null;
}

interface Working extends CandidateStatistic {
  clauseStart: number;
  clauseEnd: number;
  ownMeasure: MeasureReading | null;
  /** The number this one is the second of in a comparison, whose measure, route and source it takes. */
  partner?: Working;
}

const MOVEMENT_MEASURES: ReadonlySet<string> = new Set([
  'illegal crossings',
  'migrant crossings',
  'migrants illegally crossing per day',
  'apprehensions',
  'migrants discovered',
]);

function numbersIn(sentence: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const match of sentence.matchAll(NUMBER)) {
    const before = sentence.slice(0, match.index);
    const { currency, amount, suffix } = match.groups as { currency?: string; amount: string; suffix?: string };
    if (VAGUE_BEFORE.test(before)) continue;
    if (!currency && !suffix && /^(?:19|20)\d{2}$/.test(amount) && YEAR_BEFORE.test(before)) continue;
    const unitHint = suffix
      ? /%|cent/i.test(suffix) ? 'percent' : /mile/i.test(suffix) ? 'miles' : 'USD'
      : currency === 'C$' ? 'other-currency' : currency ? 'USD' : null;
    found.push({ start: match.index, end: match.index + match[0].length, valueText: match[0], value: parseAmount(amount), unitHint });
  }
  return found;
}

/** Clause boundaries inside a sentence: "; ", ", while", and a dash or comma before "compared to". */
const CLAUSE_BREAK = /;\s+|,\s+(?=(?:while|whereas)\b)|\s*[—–]\s*(?=compared\b)|,\s+(?=compared\b)/g;

function clausesOf(sentence: string): Array<[number, number]> {
  const cuts = [0, ...[...sentence.matchAll(CLAUSE_BREAK)].map((match) => match.index), sentence.length];
  return cuts.slice(1).map((end, at) => [cuts[at]!, end]);
}

export function extractStatistics(text: string, options: ExtractStatisticsOptions): CandidateStatistic[] {
  const index = indexEntities(options.knownEntities);
  const all: Working[] = [];
  let lastPeriodOfEarlierSentence: CandidatePeriod | null = null;

  for (const span of sentenceSpans(text)) {
    const sentence = span.sentence;
    const numbers = numbersIn(sentence);
    if (numbers.length === 0) continue;
    const clauses = clausesOf(sentence);
    const names: NameMatch[] = longestMatches(sentence, index.patterns);
    const phrases = periodPhrases(sentence);
    const fiscal = /\bfiscal\b|\bFY\s?\d/i.test(sentence);
    const sentenceReporter = accordingTo(sentence, names, index);

    const working: Working[] = numbers.map((number, at) => {
      const [clauseStart, clauseEnd] = clauses.find(([start, end]) => number.start >= start && number.start < end)!;
      const segmentStart = Math.max(clauseStart, numbers[at - 1]?.end ?? 0);
      const segmentEnd = Math.min(clauseEnd, numbers[at + 1]?.start ?? sentence.length);
      const before = sentence.slice(segmentStart, number.start);
      const after = sentence.slice(number.end, segmentEnd);
      const anchorStart = span.start + number.start;
      const measure = ownMeasure(number, sentence.slice(clauseStart, number.start), after, sentence);

      const phrase =
        phrases.find((candidate) => candidate.start >= number.end && candidate.end <= segmentEnd) ??
        [...phrases].reverse().find((candidate) => candidate.end <= number.start && candidate.start >= segmentStart);

      const clauseNames = names.filter((name) => name.start >= clauseStart && name.end <= clauseEnd);
      const route = routeOf(sentence, clauseNames, index);
      const reporter = reporterOf(sentence.slice(clauseStart, number.start), clauseNames.filter((name) => name.end <= number.start), clauseStart, index);

      return {
        key: `statistic@${anchorStart}`,
        value: number.value,
        valueText: number.valueText,
        measure: '',
        unit: '',
        qualifier: qualifierBefore(before),
        period: null,
        ...(phrase ? { periodText: phrase.words } : {}),
        ...route,
        placeIds: clauseNames.filter((name) => index.byId.get(name.entityId)?.kind === EntityKind.PLACE).map((name) => name.entityId),
        ...(sentenceReporter ?? reporter),
        comparisons: [],
        sentence: { start: span.start, end: span.end, text: sentence },
        anchor: anchorAt(text, anchorStart, anchorStart + number.valueText.length),
        confidence: 0,
        clauseStart,
        clauseEnd,
        ownMeasure: measure,
      };
    });

    linkComparisons(sentence, numbers, working);
    readMeasures(working, sentence);

    // Periods, in order, so that "in the same period" finds the number it refers back to.
    for (const candidate of working) {
      if (candidate.measure === 'percentage drop in illegal crossings') {
        candidate.period = changeRange(phrases, options.publishedOn);
        if (candidate.period) candidate.periodText = candidate.period.label;
        continue;
      }
      if (!candidate.periodText) continue;
      const samePeriod = working.find((other) => other !== candidate && other.period && other.anchor.start < candidate.anchor.start)?.period ?? lastPeriodOfEarlierSentence;
      candidate.period = resolvePeriod(candidate.periodText, options.publishedOn, { fiscal, samePeriod });
    }
    const dated = working.find((candidate) => candidate.period && candidate.measure !== '');
    if (dated) lastPeriodOfEarlierSentence = dated.period;

    all.push(...working.filter((candidate) => candidate.measure !== ''));
  }

  return all.map((candidate) => finish(candidate, index, all));
}

/** "according to (the most recent) data from CBP": the reporter, and collector, of every number in the sentence. */
function accordingTo(sentence: string, names: NameMatch[], index: EntityIndex): Pick<CandidateStatistic, 'reportedById' | 'collectedById'> | null {
  const source = names.find(
    (name) => index.byId.get(name.entityId)?.kind === EntityKind.ORGANIZATION && /\baccording\s+to\b[^,;.]*$/i.test(sentence.slice(0, name.start)),
  );
  return source ? { reportedById: source.entityId, collectedById: source.entityId } : null;
}

/**
 * "X recorded 40 …", "X reported that Y caught 20 …": the organization or group named as the
 * subject of a counting or reporting verb before the number, in its clause.
 */
function reporterOf(before: string, names: NameMatch[], clauseStart: number, index: EntityIndex): Pick<CandidateStatistic, 'reportedById' | 'collectedById'> {
  const result: Pick<CandidateStatistic, 'reportedById' | 'collectedById'> = {};
  for (const name of names) {
    const entity = index.byId.get(name.entityId);
    if (!entity || (entity.kind !== EntityKind.ORGANIZATION && entity.kind !== EntityKind.GROUP)) continue;
    const verb = SUBJECT_VERB.exec(before.slice(name.end - clauseStart))?.[1];
    if (!verb) continue;
    if (REPORT_ONLY_VERBS.test(verb)) {
      if (entity.kind === EntityKind.ORGANIZATION) result.reportedById = entity.id;
    } else {
      result.collectedById = entity.id;
      if (entity.kind === EntityKind.ORGANIZATION && !result.reportedById) result.reportedById = entity.id;
    }
  }
  return result;
}

/** "from X into Y", "entering Y", and a sentence's opening "In X," for the other end. */
function routeOf(sentence: string, names: NameMatch[], index: EntityIndex): Pick<CandidateStatistic, 'originId' | 'destinationId'> {
  const places = names.filter((name) => index.byId.get(name.entityId)?.kind === EntityKind.PLACE && !index.borders.has(name.entityId));
  const preceded = (name: NameMatch, words: RegExp) => words.test(sentence.slice(Math.max(0, name.start - 24), name.start));
  let originId = places.find((name) => preceded(name, /\bfrom\s+(?:the\s+)?$/i))?.entityId;
  let destinationId = places.find((name) => preceded(name, /\b(?:into|entering|entered|toward|towards)\s+(?:the\s+)?$/i))?.entityId;
  const opening = /^In\s+/.test(sentence) ? places.find((name) => name.start <= 3) : undefined;
  if (!originId && destinationId && opening && opening.entityId !== destinationId) originId = opening.entityId;
  if (originId && !destinationId && opening && opening.entityId !== originId) destinationId = opening.entityId;
  if (originId && !destinationId && index.byId.get(originId)?.countryId === undefined && /\b(?:south|north)\w*\s+from\b/i.test(sentence)) {
    destinationId = onlyNeighbour(index, originId);
  }
  return { ...(originId ? { originId } : {}), ...(destinationId ? { destinationId } : {}) };
}

/** The comparisons a sentence states between its numbers, and what the second number takes from the first. */
function linkComparisons(sentence: string, numbers: FoundNumber[], working: Working[]): void {
  const link = (from: Working, type: StatisticComparisonType, to: Working) => from.comparisons.push({ type, toKey: to.key } satisfies CandidateComparison);
  for (let at = 0; at + 1 < numbers.length; at++) {
    const [a, b] = [working[at]!, working[at + 1]!];
    const between = sentence.slice(numbers[at]!.end, numbers[at + 1]!.start);
    const beforeA = sentence.slice(0, numbers[at]!.start);
    if (/\bup\s+from\s+(?:just\s+|only\s+)?$/i.test(between) || /\bdown\s+from\s+(?:just\s+|only\s+)?$/i.test(between)) {
      const up = /\bup\s+from/i.test(between);
      link(a, up ? 'INCREASED_FROM' : 'DECREASED_FROM', b);
      inherit(b, a, false);
    } else if (/\bcompared\s+(?:to|with)\b/i.test(between)) {
      // Which is the later is known once periods are resolved; see finish().
      link(a, 'CONTRASTED_WITH', b);
      // "approximately 23,700 … compared to just 2,200": the qualifier governs both sides.
      inherit(b, a, true);
    } else if (/\bfrom\s+(?:a\s+(?:peak|high|low)\s+of\s+)?$/i.test(beforeA) && /^\s*(?:in\s+[^,;]*?)?\s*to\s+$/i.test(between)) {
      const percentAt = working.findIndex((candidate, i) => i < at && /%|percent/i.test(candidate.valueText));
      if (percentAt < 0) {
        link(b, b.value < a.value ? 'DECREASED_FROM' : 'INCREASED_FROM', a);
        inherit(b, a, false);
      }
    } else if (/^,\s+while\b/i.test(sentence.slice(b.clauseStart, b.clauseStart + 8)) && b.clauseStart > a.clauseStart) {
      link(a, 'CONTRASTED_WITH', b);
      // "40 … from Washington into British Columbia …, while … 30 migrants moving south": the other way.
      const bClause = sentence.slice(numbers[at + 1]!.end, b.clauseEnd);
      if (!b.originId && !b.destinationId && a.originId && a.destinationId && /\b(?:south|north)(?:ward)?\b|\bthe\s+other\s+way\b/i.test(bClause)) {
        b.originId = a.destinationId;
        b.destinationId = a.originId;
        b.placeIds = [...a.placeIds].reverse();
      }
    }
  }
  // A percentage change "of 78% from (a peak of) A (… to B)": measured from A, to B.
  working.forEach((candidate, at) => {
    if (!/%|percent/i.test(candidate.valueText)) return;
    const baseline = working.slice(at + 1).find((other) => /\bfrom\s+(?:a\s+(?:peak|high|low)\s+of\s+)?$/i.test(sentence.slice(0, other.anchor.start - other.sentence.start)));
    if (!baseline) return;
    link(candidate, 'MEASURES_CHANGE_FROM', baseline);
    const next = working[working.indexOf(baseline) + 1];
    if (next && /^\s*(?:in\s+[^,;]*?)?\s*to\s+$/i.test(sentence.slice(baseline.anchor.end - baseline.sentence.start, next.anchor.start - next.sentence.start))) {
      link(candidate, 'MEASURES_CHANGE_TO', next);
      link(next, next.value < baseline.value ? 'DECREASED_FROM' : 'INCREASED_FROM', baseline);
      inherit(next, baseline, false);
    }
  });
}

/** The second number of a comparison counts the same thing, over the same route, by the same source, unless it says otherwise. */
function inherit(target: Working, source: Working, qualifier: boolean): void {
  target.partner = source;
  if (qualifier && source.qualifier === ValueQualifier.APPROXIMATE && target.qualifier === ValueQualifier.EXACT) target.qualifier = ValueQualifier.APPROXIMATE;
  if (!target.originId && !target.destinationId && source.originId) {
    if (source.originId) target.originId = source.originId;
    if (source.destinationId) target.destinationId = source.destinationId;
  }
  if (target.placeIds.length === 0) target.placeIds = [...source.placeIds];
  if (!target.reportedById && source.reportedById) target.reportedById = source.reportedById;
  if (!target.collectedById && source.collectedById) target.collectedById = source.collectedById;
}

/** Own words first, then the number it is compared with, then what the sentence counts. */
function readMeasures(working: Working[], sentence: string): void {
  const partnerOf = (candidate: Working) => candidate.partner;
  for (const candidate of working) {
    const measure = candidate.ownMeasure ?? (partnerOf(candidate)?.ownMeasure && reading(partnerOf(candidate)!.ownMeasure!.measure, 0.7)) ?? null;
    if (measure) setMeasure(candidate, measure);
  }
  for (const candidate of working) {
    if (candidate.measure !== '' || /%|percent|\$|mile/i.test(candidate.valueText)) continue;
    const partner = partnerOf(candidate);
    if (partner?.measure) setMeasure(candidate, reading(partner.measure, 0.6));
    else if (/^\s*(?:in\b|captured|caught|to\b|,|\.)/i.test(sentence.slice(candidate.anchor.end - candidate.sentence.start)) || partner) {
      const fallback = sentenceMeasure(sentence);
      if (fallback) setMeasure(candidate, fallback);
    }
  }
  for (const candidate of working) {
    const partner = partnerOf(candidate);
    if (candidate.measure === '' && partner?.measure) setMeasure(candidate, reading(partner.measure, 0.6));
  }
}

function setMeasure(candidate: Working, measure: MeasureReading): void {
  const definition = measureDefinition(measure.measure)!;
  candidate.measure = definition.measure;
  candidate.unit = definition.unit;
  candidate.confidence = measure.confidence;
}

/** The range of a percentage change: from the earliest to the latest month the sentence names ("August to February"). */
function changeRange(phrases: PeriodPhrase[], publishedOn: string | null): CandidatePeriod | null {
  const resolved = phrases
    .filter((phrase) => phrase.dated)
    .map((phrase) => ({ phrase, period: resolvePeriod(phrase.words, publishedOn) }))
    .filter((entry): entry is { phrase: PeriodPhrase; period: CandidatePeriod } => entry.period !== null)
    .sort((a, b) => a.period.start.localeCompare(b.period.start));
  if (resolved.length < 2) return null;
  const [first, last] = [resolved[0]!, resolved[resolved.length - 1]!];
  if (first.period.start === last.period.start) return null;
  return resolvePeriod(`${first.phrase.words} to ${last.phrase.words}`, publishedOn);
}

function finish(candidate: Working, index: EntityIndex, all: Working[]): CandidateStatistic {
  const { clauseStart: _clauseStart, clauseEnd: _clauseEnd, ownMeasure: _own, partner: _partner, ...statistic } = candidate;

  if (!MOVEMENT_MEASURES.has(statistic.measure)) {
    delete statistic.originId;
    delete statistic.destinationId;
  }
  const places = [statistic.originId, statistic.destinationId, ...statistic.placeIds].filter((id): id is string => id !== undefined);
  const border = statistic.originId && statistic.destinationId ? borderBetween(index, statistic.originId, statistic.destinationId) : undefined;
  statistic.placeIds = [...new Set(border ? [...places, border] : places)];

  // "A compared to B": the later period increased or decreased from the earlier one.
  statistic.comparisons = statistic.comparisons.map((comparison) => {
    const other = all.find((candidate) => candidate.key === comparison.toKey);
    if (comparison.type !== 'CONTRASTED_WITH' || !other || !statistic.period || !other.period || other.measure !== statistic.measure) return comparison;
    if (statistic.period.start <= other.period.start) return comparison;
    return { ...comparison, type: statistic.value >= other.value ? 'INCREASED_FROM' : 'DECREASED_FROM' };
  });
  statistic.comparisons = statistic.comparisons.filter((comparison) => all.some((candidate) => candidate.key === comparison.toKey && candidate.measure !== ''));

  let confidence = statistic.confidence;
  if (statistic.periodText && !statistic.period) confidence -= 0.1;
  if (statistic.period?.rule.includes('refers back')) confidence -= 0.05;
  statistic.confidence = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
  return statistic;
}
