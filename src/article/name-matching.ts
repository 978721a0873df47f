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
  const candidates = entities.flatMap(({ entityId, patterns, claimsWords }) =>
    patterns.flatMap((pattern) =>
      [...sentence.matchAll(pattern)].map((match) => ({ entityId, claimsWords, start: match.index, end: match.index + match[0].length })),
    ),
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

/** The patterns of an entity's names, for longestMatches. */
export function namePatternsOf(entity: { id: string; kind: EntityKind; name: string; aliases: readonly string[] }): NamePatterns {
  return {
    entityId: entity.id,
    patterns: [entity.name, ...entity.aliases].map(namePattern),
    claimsWords: !DESCRIBED_KINDS.has(entity.kind),
  };
}
