import nlp from 'compromise';
import { anchorAt, longestMatches, normaliseText, sentenceSpans, type SentenceSpan, type TextAnchorRecord } from '../article';
import { EntityKind } from '../ontology';
import { knownNamePatterns } from './extract-mentions';
import type { KnownEntity } from './extraction.types';
import { isGazetteerPlace, isUsState, US_STATES } from './place-gazetteer';

/**
 * Candidate new entities: proper names of a text that no known entity bears, each with a
 * guessed kind. Deterministic and offline: capitalised runs of words found by hand (so that
 * offsets are exact and "Customs and Border Patrol" stays one name), their kind guessed from
 * cheap cues first (titles, organisation words, a gazetteer) and compromise's tags after.
 */

/** Where a candidate stands in the text. */
export interface CandidateOccurrence {
  /** Index of the sentence in the text, from 0, as sentenceSpans numbers them. */
  position: number;
  sentence: string;
  anchor: TextAnchorRecord;
}

export interface CandidateEntity {
  name: string;
  kind: EntityKind;
  /** 0..1: how much the kind and the name are to be trusted (a cue > compromise's tag > a default). */
  confidence: number;
  /** Other names of the same candidate in the text ("Kelly" beside "Mike Kelly", "RCMP" beside its full name). */
  aliases: string[];
  /** What the kind was guessed from, for a reviewer. */
  cues: string[];
  occurrences: CandidateOccurrence[];
}

/** Titles before a person's name: "Representative Mike Kelly", "Rep. Kelly", "President Trump". */
const TITLES: ReadonlySet<string> = new Set([
  'president', 'vice', 'representative', 'rep', 'reps', 'congressman', 'congresswoman', 'senator', 'sen', 'governor',
  'gov', 'mayor', 'premier', 'minister', 'prime', 'secretary', 'commissioner', 'chief', 'director', 'judge', 'justice',
  'sheriff', 'officer', 'agent', 'general', 'gen', 'sergeant', 'sgt', 'captain', 'capt', 'lt', 'col', 'mr', 'mrs', 'ms',
  'miss', 'dr', 'prof', 'professor', 'sir', 'lady', 'lord', 'king', 'queen', 'pope', 'attorney', 'spokesperson',
  'spokesman', 'spokeswoman', 'deputy', 'acting', 'former', 'chairman', 'chairwoman', 'speaker', 'leader',
]);

/** Last words that make a name an organization ("... Department", "... Police", "The ... Times"). */
const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'department', 'agency', 'police', 'caucus', 'times', 'post', 'patrol', 'protection', 'security', 'service',
  'services', 'commission', 'committee', 'council', 'ministry', 'office', 'bureau', 'guard', 'force', 'forces',
  'army', 'navy', 'congress', 'senate', 'parliament', 'house', 'court', 'university', 'institute', 'association',
  'union', 'company', 'corporation', 'corp', 'inc', 'ltd', 'news', 'journal', 'tribune', 'herald', 'globe', 'star',
  'press', 'network', 'foundation', 'center', 'centre', 'administration', 'government', 'mounties', 'enforcement',
  'immigration', 'customs', 'coalition', 'alliance', 'group', 'bank', 'board',
]);

/** First words that make a name an organization ("Department of ...", "Government of ..."). */
const ORGANIZATION_OPENERS: ReadonlySet<string> = new Set(['department', 'ministry', 'government', 'office', 'bureau', 'agency', 'university']);

/** Publications keep their article: "The Post", "The New York Times". */
const PUBLICATION_HEADS: ReadonlySet<string> = new Set(['times', 'post', 'journal', 'tribune', 'herald', 'globe', 'star', 'news', 'guardian', 'economist']);

/** Lower-case words that complete a name before them: "Trump administration", "Washington state", "U.S.-Canada border". */
const ORGANIZATION_TAILS: ReadonlySet<string> = new Set(['administration', 'government']);
const EQUIPMENT_TAILS: ReadonlySet<string> = new Set(['helicopters', 'helicopter', 'drones', 'drone', 'aircraft', 'jets', 'planes', 'vehicles', 'tanks', 'boats', 'ships']);

/** Words inside a name, between capitalised ones: "Department of Homeland Security", "Customs and Border Patrol". */
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'la', 'del']);

/** Capitalised words that are never a name on their own. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'i', 'in', 'on', 'at', 'as', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile', 'still',
  'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'you', 'his', 'her', 'their', 'our',
  'following', 'after', 'before', 'when', 'while', 'if', 'since', 'even', 'many', 'some', 'last', 'north', 'south',
  'east', 'west', 'additionally', 'also', 'there', 'here', 'what', 'who', 'why', 'how',
]);

/** Words that head a line but are not proper: what tells a heading ("Canada Tightens Border Security") from a name. */
const SMALL_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'as', 'into', 'from', 'with']);

interface Token {
  start: number;
  end: number;
  word: string;
}

/** A word, an initialism ("U.S.", "U.S.-Canada"), a possessive or hyphenated word. */
const TOKEN = /(?:\p{Lu}\.){2,}(?:-[\p{L}\p{N}]+)*|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*/gu;
/** A party and state designation: "(R-PA)". */
const PARTY_STATE = /\(([RDI])-([A-Z]{2})\)/g;
/** "a Democrat", "Republicans": a member's name for the party. */
const PARTY_MEMBERS: ReadonlySet<string> = new Set(['democrat', 'democrats', 'republican', 'republicans', 'liberal', 'liberals', 'conservative', 'conservatives']);
const PARTIES: Readonly<Record<string, string>> = { R: 'Republican Party', D: 'Democratic Party' };
const POSSESSIVE = /['’]s$/;

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isAcronym = (word: string) => /^(?:\p{Lu}\.?){2,}$/u.test(word);

/** Compromise's tags of each word, by the word's start offset in the text. */
function compromiseTags(text: string): Map<number, ReadonlySet<string>> {
  const tags = new Map<number, ReadonlySet<string>>();
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as {
    terms: { offset: { start: number }; tags: string[] }[];
  }[];
  for (const sentence of sentences) for (const term of sentence.terms) tags.set(term.offset.start, new Set(term.tags));
  return tags;
}

/**
 * A heading: a line of its own, with no closing punctuation, whose words are capitalised
 * ("Migrants Escaping to Canada", "Share and Follow"). Its words are a title, not names.
 */
function isHeading(text: string, span: SentenceSpan): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = text.indexOf('\n', span.end);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).trim();
  if (line !== span.sentence || /[.!?"”’:;,]$/.test(line)) return false;
  const words = line.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.length > 0 && words.every((word) => SMALL_WORDS.has(word) || isCapitalised(word) || /^\p{N}/u.test(word));
}

interface Guess {
  kind: EntityKind;
  confidence: number;
  cue: string;
}

/** Runs of capitalised words (with connectors inside) within one sentence, not covered by a known name. */
function capitalisedRuns(text: string, span: SentenceSpan, covered: (start: number, end: number) => boolean, excluded: [number, number][]): Token[][] {
  const tokens = [...span.sentence.matchAll(TOKEN)]
    .map((match) => ({ start: span.start + match.index, end: span.start + match.index + match[0].length, word: match[0] }))
    .filter((token) => !covered(token.start, token.end) && !excluded.some(([start, end]) => token.start >= start && token.end <= end));
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    // Connectors belong inside a name, never at its end.
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.word)) run.pop();
    if (run.length > 0) runs.push(...splitAtAnd(run));
    run = [];
  };
  for (const token of tokens) {
    const previous = run[run.length - 1];
    const gap = previous ? text.slice(previous.end, token.start) : '';
    // "Rep. Kelly": a title's abbreviation point does not break the name.
    const joined = previous !== undefined && (/^\s+$/.test(gap) || (gap.startsWith('.') && /^\.\s+$/.test(gap) && TITLES.has(previous.word.toLowerCase())));
    if (!joined) close();
    if (isCapitalised(token.word)) run.push(token);
    else if (run.length > 0 && CONNECTORS.has(token.word)) run.push(token);
    else close();
  }
  close();
  return runs;
}

/**
 * "and" joins the words of one name ("Customs and Border Patrol") or two names ("the Ontario
 * Provincial Police and the Department of Labor", "Canada and Mexico"): two when what stands
 * before it is already a name of several words, or both sides are places.
 */
function splitAtAnd(run: Token[]): Token[][] {
  const at = run.findIndex((token) => token.word === 'and');
  if (at === -1) return [run];
  const left = run.slice(0, at);
  const right = run.slice(at + 1);
  const words = (tokens: Token[]) => tokens.map((token) => token.word).join(' ');
  const bothPlaces = isGazetteerPlace(words(left)) && isGazetteerPlace(words(right).replace(/^the /, ''));
  if (left.length < 2 && !bothPlaces) return [run];
  return [left, ...splitAtAnd(right)].filter((tokens) => tokens.length > 0);
}

/** The lower-case word right after the run, if only whitespace parts them. */
function nextWord(text: string, end: number): Token | undefined {
  const match = /^\s+([\p{Ll}]+)/u.exec(text.slice(end, end + 40));
  if (!match) return undefined;
  const start = end + match[0].length - match[1]!.length;
  return { start, end: start + match[1]!.length, word: match[1]! };
}

interface Named {
  tokens: Token[];
  guess?: Guess;
}

/**
 * Trims a run to its name (no sentence-opening common word, title, month, article or
 * possessive), extends it by a completing lower-case word, and guesses its kind from cues.
 */
function nameOf(text: string, run: Token[], sentenceStart: number, tags: Map<number, ReadonlySet<string>>): Named | undefined {
  let tokens = [...run];
  const tagsOf = (token: Token) => tags.get(token.start) ?? new Set<string>();
  const isProperByTag = (token: Token) => ['ProperNoun', 'Place', 'Person', 'Organization', 'Acronym'].some((tag) => tagsOf(token).has(tag));
  // A sentence's first word is capitalised anyway: keep it only when compromise takes it for a name.
  const opensSentence = (token: Token) => /^["“‘'(\s]*$/.test(text.slice(sentenceStart, token.start));
  const headOf = (from: Token[]) => from[from.length - 1]!.word.replace(POSSESSIVE, '').toLowerCase();
  while (tokens.length > 0) {
    const first = tokens[0]!;
    const lower = first.word.toLowerCase();
    // "The Post", "The New York Times": a publication keeps its article.
    if (lower === 'the' && tokens.length > 1 && PUBLICATION_HEADS.has(headOf(tokens))) break;
    if (CONNECTORS.has(lower) || NOT_NAMES.has(lower)) tokens.shift();
    // "Homeland Security officials report ...": an organisation's name may open the sentence.
    else if (opensSentence(first) && !isProperByTag(first) && !TITLES.has(lower) && !(tokens.length > 1 && ORGANIZATION_HEADS.has(headOf(tokens)))) tokens.shift();
    else break;
  }
  const isDate = (token: Token) => ['Month', 'WeekDay', 'Date'].some((tag) => tagsOf(token).has(tag));
  while (tokens.length > 0 && (isDate(tokens[tokens.length - 1]!) || CONNECTORS.has(tokens[tokens.length - 1]!.word))) tokens.pop();
  while (tokens.length > 0 && isDate(tokens[0]!)) tokens.shift();

  // "Representative Mike Kelly", "Vermont Governor Phil Scott", "Chief Patrol Agent Robert Garcia": the name follows the last title.
  const lastTitle = tokens.map((token) => TITLES.has(token.word.replace(/\.$/, '').toLowerCase())).lastIndexOf(true);
  const titled = lastTitle >= 0 && tokens.length - lastTitle - 1 >= 1 && tokens.length - lastTitle - 1 <= 3 && tokens.slice(lastTitle + 1).every((token) => isCapitalised(token.word));
  if (titled) tokens = tokens.slice(lastTitle + 1);
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1) {
    const only = tokens[0]!;
    const lower = only.word.toLowerCase();
    if (TITLES.has(lower) || tagsOf(only).has('Pronoun') || tagsOf(only).has('Demonym') || NOT_NAMES.has(lower)) return undefined;
  }
  if (titled) return { tokens, guess: { kind: EntityKind.PERSON, confidence: 0.9, cue: 'a title before the name' } };

  const last = tokens[tokens.length - 1]!;
  const tail = POSSESSIVE.test(last.word) ? undefined : nextWord(text, last.end);
  const name = tokens.map((token) => token.word.replace(POSSESSIVE, '')).join(' ');
  if (tail && ORGANIZATION_TAILS.has(tail.word)) {
    return { tokens: [...tokens, tail], guess: { kind: EntityKind.ORGANIZATION, confidence: 0.85, cue: `"${tail.word}" after the name` } };
  }
  if (tail && EQUIPMENT_TAILS.has(tail.word)) {
    return { tokens: [...tokens, tail], guess: { kind: EntityKind.EQUIPMENT, confidence: 0.6, cue: `"${tail.word}" after the name` } };
  }
  if (tail?.word === 'state' && isUsState(name)) {
    return { tokens: [...tokens, tail], guess: { kind: EntityKind.PLACE, confidence: 0.9, cue: 'a U.S. state' } };
  }
  if (tail?.word === 'border' && tokens.length === 1 && name.split('-').length === 2 && name.split('-').every(isGazetteerPlace)) {
    return { tokens: [...tokens, tail], guess: { kind: EntityKind.PLACE, confidence: 0.9, cue: 'a border between two countries' } };
  }
  return { tokens };
}

/** The kind of a name without a cue of its own: the gazetteer, organisation words, then compromise's tags. */
function guessKind(name: string, tokens: Token[], tags: Map<number, ReadonlySet<string>>): Guess {
  const words = name.split(/\s+/);
  const head = words[words.length - 1]!.toLowerCase();
  if (isGazetteerPlace(name)) return { kind: EntityKind.PLACE, confidence: 0.95, cue: 'the gazetteer of countries, states and provinces' };
  if (words.length === 1 && name.includes('-') && name.split('-').every(isGazetteerPlace)) {
    return { kind: EntityKind.PLACE, confidence: 0.6, cue: 'two places of the gazetteer' };
  }
  if (head === 'party' || (words.length === 1 && PARTY_MEMBERS.has(head))) return { kind: EntityKind.PARTY, confidence: 0.85, cue: '"Party" in the name' };
  if (ORGANIZATION_HEADS.has(head) || (words.length > 1 && ORGANIZATION_OPENERS.has(words[0]!.toLowerCase()))) {
    return { kind: EntityKind.ORGANIZATION, confidence: 0.85, cue: `"${words[words.length - 1]}" in the name` };
  }
  const counts = { Person: 0, Place: 0, Organization: 0 };
  for (const token of tokens) {
    const termTags = tags.get(token.start);
    // compromise reads "U.S." as an organization; the gazetteer above has already placed it.
    if (!termTags || isAcronym(token.word.replace(/\./g, '')) && isGazetteerPlace(token.word)) continue;
    for (const tag of ['Person', 'Place', 'Organization'] as const) if (termTags.has(tag)) counts[tag] += 1;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  if (best[1] > 0) {
    const kind = { Person: EntityKind.PERSON, Place: EntityKind.PLACE, Organization: EntityKind.ORGANIZATION }[best[0]];
    return { kind, confidence: 0.7, cue: `compromise tags it ${best[0]}` };
  }
  if (isAcronym(name)) return { kind: EntityKind.ORGANIZATION, confidence: 0.5, cue: 'an acronym' };
  return { kind: EntityKind.ORGANIZATION, confidence: 0.3, cue: 'a proper name of no known kind' };
}

/** The initials of a name's capitalised words: "Royal Canadian Mounted Police" → RCMP. */
const initialsOf = (name: string) => name.split(/\s+/).filter((word) => isCapitalised(word) && word !== 'The').map((word) => word[0]).join('');

interface Found {
  name: string;
  guess: Guess;
  occurrence: CandidateOccurrence;
}

/** A second name of the same thing: "Kelly" of "Mike Kelly", "RCMP" of "Royal Canadian Mounted Police". */
function isShortFormOf(short: CandidateEntity, long: CandidateEntity): boolean {
  if (short === long || short.name.length >= long.name.length) return false;
  const shortWords = short.name.split(' ');
  const longWords = long.name.split(' ');
  if (short.kind === EntityKind.PERSON && long.kind === EntityKind.PERSON) return shortWords.length === 1 && longWords.slice(1).includes(short.name);
  // "Washington" of "Washington state"; not "Trump" of "Trump administration", another kind.
  if (short.kind === long.kind && shortWords.every((word, index) => longWords[index] === word)) return true;
  return isAcronym(short.name) && !short.name.includes('.') && longWords.length > 1 && initialsOf(long.name) === short.name;
}

/** Names that differ only by a leading article or abbreviation points are one: "The Post" and "Post", "U.S." and "US". */
const nameKey = (name: string) => name.toLowerCase().replace(/^the\s+/, '').replace(/\./g, '');

/**
 * Proper names of the text that are not names or aliases of the known entities, grouped by
 * name (a person's last name and an organization's acronym join their full name), each with a
 * guessed kind, a confidence and every place it stands. Headings are not searched.
 */
export function extractCandidateEntities(text: string, knownEntities: readonly KnownEntity[]): CandidateEntity[] {
  const patterns = knownNamePatterns(knownEntities);
  const tags = compromiseTags(text);
  const found: Found[] = [];

  sentenceSpans(text).forEach((span, position) => {
    if (isHeading(text, span)) return;
    const known = longestMatches(span.sentence, patterns)
      .filter((match) => patterns.find((pattern) => pattern.entityId === match.entityId)?.claimsWords)
      .map((match) => [span.start + match.start, span.start + match.end] as const);
    const covered = (start: number, end: number) => known.some(([from, to]) => start < to && end > from);
    const occurrence = (start: number, end: number) => ({ position, sentence: span.sentence, anchor: anchorAt(text, start, end) });

    const designations: [number, number][] = [];
    for (const match of span.sentence.matchAll(PARTY_STATE)) {
      const start = span.start + match.index;
      designations.push([start, start + match[0].length]);
      const party = PARTIES[match[1]!];
      if (party && !covered(start + 1, start + 2)) {
        found.push({ name: party, guess: { kind: EntityKind.PARTY, confidence: 0.8, cue: 'a party and state designation' }, occurrence: occurrence(start + 1, start + 2) });
      }
      const state = US_STATES[match[2]!];
      if (state && !covered(start + 3, start + 5)) {
        found.push({ name: state, guess: { kind: EntityKind.PLACE, confidence: 0.8, cue: 'a party and state designation' }, occurrence: occurrence(start + 3, start + 5) });
      }
    }

    for (const run of capitalisedRuns(text, span, covered, designations)) {
      const named = nameOf(text, run, span.start, tags);
      if (!named) continue;
      const first = named.tokens[0]!;
      const last = named.tokens[named.tokens.length - 1]!;
      const end = POSSESSIVE.test(last.word) ? last.end - 2 : last.end;
      const name = normaliseText(text.slice(first.start, end));
      if (covered(first.start, end) || name.length < 2) continue;
      found.push({ name, guess: named.guess ?? guessKind(name, named.tokens, tags), occurrence: occurrence(first.start, end) });
    }
  });

  const byName = new Map<string, CandidateEntity>();
  for (const { name, guess, occurrence } of found) {
    const key = nameKey(name);
    const candidate = byName.get(key);
    if (candidate && name.length > candidate.name.length) {
      candidate.aliases.push(candidate.name);
      candidate.name = name;
    } else if (candidate && name !== candidate.name && !candidate.aliases.includes(name)) {
      candidate.aliases.push(name);
    }
    if (!candidate) {
      byName.set(key, { name, kind: guess.kind, confidence: guess.confidence, aliases: [], cues: [guess.cue], occurrences: [occurrence] });
      continue;
    }
    candidate.occurrences.push(occurrence);
    if (guess.confidence > candidate.confidence) Object.assign(candidate, { kind: guess.kind, confidence: guess.confidence });
    if (!candidate.cues.includes(guess.cue)) candidate.cues.push(guess.cue);
  }

  // A known entity may be named in the text by words its names do not cover ("Republican Party" of "(R-PA)").
  const knownKeys = new Set(knownEntities.flatMap((entity) => [entity.name, ...entity.aliases]).map(nameKey));
  const candidates = [...byName.values()].filter((candidate) => !knownKeys.has(nameKey(candidate.name)));
  const merged = new Set<CandidateEntity>();
  for (const short of candidates) {
    const long = candidates.find((other) => !merged.has(other) && isShortFormOf(short, other));
    if (!long) continue;
    long.aliases.push(short.name);
    long.occurrences.push(...short.occurrences);
    long.occurrences.sort((a, b) => a.anchor.start - b.anchor.start);
    long.confidence = Math.max(long.confidence, short.confidence);
    merged.add(short);
  }
  return candidates.filter((candidate) => !merged.has(candidate));
}
