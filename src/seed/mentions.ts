import { anchorAt, findQuote, longestMatches, namePatternsOf, sentenceSpans, type TextAnchorRecord } from '../article';
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

/**
 * Every sentence that names an entity (its canonical name or an alias, longest match first) is
 * a mention of it, anchored at the first place it names it; a statistic is mentioned by the
 * sentences that state it in each of its sources, anchored at those words.
 */
export function deriveMentions(graph: SeedGraph, articleTexts: ReadonlyMap<string, string>): SeedMention[] {
  const entityPatterns = graph.entities.map(namePatternsOf);

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
