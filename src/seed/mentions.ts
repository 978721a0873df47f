import { anchorAt, findQuote, normaliseText, sentenceSpans, type TextAnchorRecord } from '../article';
import { EntityKind } from '../ontology';
import type { SeedGraph } from './seed.types';

/** A sentence of an article that names an entity or states a statistic. */
export interface SeedMention {
  entityId: string;
  articleId: string;
  sentence: string;
  /** Index of the sentence in its article, from 0, as splitSentences numbers them. */
  position: number;
  /** Where the name (or, for a statistic, the words that state it) sits in the article. */
  anchor: TextAnchorRecord;
}

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
    .replace(/'/g, "['‘’‛′]")
    .replace(/"/g, '["“”„″]');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, ACRONYM.test(comparable) ? 'gu' : 'giu');
}

interface NamePatterns {
  entityId: string;
  patterns: RegExp[];
  /** Whether its names claim the words they cover (see longestMatches). */
  claimsWords: boolean;
}

interface NameMatch {
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
function longestMatches(sentence: string, entities: NamePatterns[]): NameMatch[] {
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

/**
 * Every sentence that names an entity (its canonical name or an alias, longest match first) is
 * a mention of it, anchored at the first place it names it; a statistic is mentioned by the
 * sentences that state it in each of its sources, anchored at those words.
 */
export function deriveMentions(graph: SeedGraph, articleTexts: ReadonlyMap<string, string>): SeedMention[] {
  const entityPatterns: NamePatterns[] = graph.entities.map((entity) => ({
    entityId: entity.id,
    patterns: [entity.name, ...entity.aliases].map(namePattern),
    claimsWords: !DESCRIBED_KINDS.has(entity.kind),
  }));

  return graph.articles.flatMap((article) => {
    const text = articleTexts.get(article.id);
    if (text === undefined) return [];
    const spans = sentenceSpans(text);
    const mentions: SeedMention[] = [];

    spans.forEach((span, position) => {
      const seen = new Set<string>();
      for (const match of longestMatches(span.sentence, entityPatterns)) {
        if (seen.has(match.entityId)) continue;
        seen.add(match.entityId);
        const anchor = anchorAt(text, span.start + match.start, span.start + match.end);
        mentions.push({ entityId: match.entityId, articleId: article.id, sentence: span.sentence, position, anchor });
      }
    });

    for (const statistic of graph.statistics) {
      const sources = [{ articleId: statistic.sourceId, quote: statistic.evidence }, ...(statistic.alsoStatedBy ?? [])];
      for (const source of sources.filter((candidate) => candidate.articleId === article.id)) {
        const [words] = findQuote(text, source.quote);
        spans.forEach((span, position) => {
          if (!words || words.end <= span.start || words.start >= span.end) return;
          // The words are within the sentence (their anchor), or span it and more (the sentence).
          const anchor = words.start >= span.start && words.end <= span.end ? words : anchorAt(text, span.start, span.end);
          mentions.push({ entityId: statistic.id, articleId: article.id, sentence: span.sentence, position, anchor });
        });
      }
    }
    return mentions;
  });
}
