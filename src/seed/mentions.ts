import { normaliseText, splitSentences } from '../article';
import type { SeedGraph } from './seed.types';

/** A sentence of an article that names an entity or states a statistic. */
export interface SeedMention {
  entityId: string;
  articleId: string;
  sentence: string;
  /** Index of the sentence in its article, from 0, as splitSentences numbers them. */
  position: number;
}

/** An alias written in capitals only, such as "US", "PA" or "RCMP". */
const ACRONYM = /^(?:[A-Z]\.?){2,}$/;

/**
 * Matches a name on word boundaries, case-insensitively and tolerant of line breaks inside it.
 * Acronyms match only in capitals: "US" must not find the pronoun "us", nor "PA" the word "pa".
 */
function namePattern(name: string): RegExp {
  const comparable = normaliseText(name);
  const escaped = comparable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, ACRONYM.test(comparable) ? 'u' : 'iu');
}

/**
 * Every sentence that names an entity (its canonical name or an alias) is a mention of it;
 * a statistic is mentioned by the sentence it is evidenced by.
 */
export function deriveMentions(graph: SeedGraph, articleTexts: ReadonlyMap<string, string>): SeedMention[] {
  const entityPatterns = graph.entities.map((entity) => ({
    entityId: entity.id,
    patterns: [entity.name, ...entity.aliases].map(namePattern),
  }));

  return graph.articles.flatMap((article) => {
    const text = articleTexts.get(article.id);
    if (text === undefined) return [];
    const sentences = splitSentences(text);
    const comparable = sentences.map(normaliseText);
    const mentions: SeedMention[] = [];

    comparable.forEach((sentence, position) => {
      for (const { entityId, patterns } of entityPatterns) {
        if (patterns.some((pattern) => pattern.test(sentence))) {
          mentions.push({ entityId, articleId: article.id, sentence: sentences[position], position });
        }
      }
    });

    for (const statistic of graph.statistics.filter((candidate) => candidate.sourceId === article.id)) {
      const evidence = normaliseText(statistic.evidence);
      comparable.forEach((sentence, position) => {
        if (sentence.includes(evidence) || evidence.includes(sentence)) {
          mentions.push({ entityId: statistic.id, articleId: article.id, sentence: sentences[position], position });
        }
      });
    }
    return mentions;
  });
}
