import { EntityKind } from '../ontology';
import { normaliseText, quoteMarksLike } from './sentences';

/**
 * Finding the names of known entities in sentences: how the seed derives its mentions and how
 * ingestion finds the entities a new article names, by one rule.
 */

/** An alias written in capitals only, such as "US", "PA" or "RCMP". */
const ACRONYM = /^(?:[A-Z]\.?){2,}$/;

/**
 * Matches a name on word boundaries, case-insensitively and whatever its typography: any quote
 * mark for an apostrophe or a quotation mark, any run of whitespace (a line break) for a space.
 * Acronyms match only in capitals: "US" must not find the pronoun "us", nor "PA" the word "pa".
 */
function namePattern(name: string): RegExp {
  const comparable = normaliseText(name);
  const escaped = comparable
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ /g, '\\s+')
    .replace(/'/g, quoteMarksLike("'"))
    .replace(/"/g, quoteMarksLike('"'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, ACRONYM.test(comparable) ? 'gu' : 'giu');
}

export interface NamePatterns {
  entityId: string;
  patterns: RegExp[];
  /**
   * For each pattern, a word its every match contains, lower case (ASCII only, so that
   * toLowerCase and the pattern's case folding agree), or null: a sentence without the word
   * cannot match, and is not searched. Most names are absent from most sentences, and a
   * substring test costs far less than a Unicode regular expression with look-behind.
   */
  probes: (string | null)[];
  /** Whether its names claim the words they cover (see longestMatches). */
  claimsWords: boolean;
}

export interface NameMatch {
  entityId: string;
  start: number;
  end: number;
}

/**
 * Names of policies and events are descriptions that contain the names of their actors
 * ("Trump’s election", "advertising illegal border crossings on TikTok"): they mention those
 * actors too. Every other kind is named by a proper name, whose words are its own.
 */
const DESCRIBED_KINDS: ReadonlySet<string> = new Set([EntityKind.POLICY, EntityKind.EVENT]);

/**
 * The names a sentence holds. Proper names claim their words, longest first, so "Customs and
 * Border Patrol" is CBP and not also (U.S.) Border Patrol, as a reader takes it; descriptive
 * names of policies and events claim nothing.
 */
export function longestMatches(sentence: string, entities: NamePatterns[]): NameMatch[] {
  const lowerCase = sentence.toLowerCase();
  const candidates = entities.flatMap(({ entityId, patterns, probes, claimsWords }) =>
    patterns.flatMap((pattern, index) => {
      const probe = probes[index];
      if (probe && !lowerCase.includes(probe)) return [];
      return [...sentence.matchAll(pattern)].map((match) => ({ entityId, claimsWords, start: match.index, end: match.index + match[0].length }));
    }),
  );
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const claimed: NameMatch[] = [];
  const found: NameMatch[] = [];
  for (const candidate of candidates) {
    if (!candidate.claimsWords) {
      found.push(candidate);
    } else if (claimed.every((taken) => candidate.end <= taken.start || candidate.start >= taken.end)) {
      claimed.push(candidate);
      found.push(candidate);
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The longest ASCII word of a name, lower case: what every match of the name contains. */
function probeOf(name: string): string | null {
  const words = normaliseText(name).match(/[A-Za-z0-9]+/g) ?? [];
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
  return longest.length >= 2 ? longest.toLowerCase() : null;
}

/** The patterns of an entity's names, for longestMatches. */
export function namePatternsOf(entity: { id: string; kind: EntityKind; name: string; aliases: readonly string[] }): NamePatterns {
  const names = [entity.name, ...entity.aliases];
  return {
    entityId: entity.id,
    patterns: names.map(namePattern),
    probes: names.map(probeOf),
    claimsWords: !DESCRIBED_KINDS.has(entity.kind),
  };
}
