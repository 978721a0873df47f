import { anchorAt, longestMatches, namePatternsOf, sentenceSpans, type NamePatterns, type TextAnchorRecord } from '../article';
import type { KnownEntity } from './extraction.types';

/**
 * Mentions of known entities in a new article: the rule the seed derives its mentions by
 * (src/seed/mentions.ts), applied to any text. Pure and offline.
 */

/** A sentence of the text that names a known entity. */
export interface ExtractedMention {
  entityId: string;
  sentence: string;
  /** Index of the sentence in the text, from 0, as sentenceSpans numbers them. */
  position: number;
  /** Where the sentence first names the entity. */
  anchor: TextAnchorRecord;
}

/** Compiled patterns by the list of known entities they were compiled from. */
const compiled = new WeakMap<readonly KnownEntity[], NamePatterns[]>();

/**
 * The name patterns of the known entities. Compiling them (a regular expression per name) costs
 * more than matching them, and every extractor of an article needs them: they are compiled once
 * per list of known entities, which a folder's ingestion reads once and passes to every article.
 */
export function knownNamePatterns(knownEntities: readonly KnownEntity[]): NamePatterns[] {
  let patterns = compiled.get(knownEntities);
  if (!patterns) {
    patterns = knownEntities.map(namePatternsOf);
    compiled.set(knownEntities, patterns);
  }
  return patterns;
}

/**
 * Every sentence that names a known entity (its name or an alias, proper names longest first,
 * see longestMatches) is one mention of it, anchored where the sentence first names it.
 */
export function extractMentions(text: string, knownEntities: readonly KnownEntity[] | readonly NamePatterns[]): ExtractedMention[] {
  const patterns = asPatterns(knownEntities);
  const mentions: ExtractedMention[] = [];
  sentenceSpans(text).forEach((span, position) => {
    const seen = new Set<string>();
    for (const match of longestMatches(span.sentence, patterns)) {
      if (seen.has(match.entityId)) continue;
      seen.add(match.entityId);
      mentions.push({ entityId: match.entityId, sentence: span.sentence, position, anchor: anchorAt(text, span.start + match.start, span.start + match.end) });
    }
  });
  return mentions;
}

function asPatterns(entities: readonly KnownEntity[] | readonly NamePatterns[]): NamePatterns[] {
  return entities.map((entity) => ('patterns' in entity ? entity : namePatternsOf(entity)));
}
