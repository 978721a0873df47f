import type { ReferencedEntity, References } from '../entity';
import { BadUserInputError } from '../errors';
import { EntityKind } from '../ontology';
import { isVerbatimInOneSentence, sentencePosition, splitSentences } from './sentences';
import type { MentionRecord } from './mention.type';

/**
 * Evidence checking, the one rule every write that cites an article obeys: a quote must be
 * verbatim (up to typography) within one sentence of the article.
 */

/** The article a piece of evidence cites, which must exist, be an article and contain the quote. */
export function requireQuote(references: References, articleId: string, quote: string, field: string): ReferencedEntity {
  const article = references.require(articleId, `${field}.articleId`, [EntityKind.ARTICLE]);
  if (!isVerbatimInOneSentence(quote, article.text ?? '')) {
    throw new BadUserInputError(`${field}.quote is not a verbatim sentence (or part of one) of "${articleId}"`, {
      field: `${field}.quote`,
    });
  }
  return article;
}

/** The mention of the sentence that holds a checked quote (see requireQuote). */
export function mentionOfQuote(article: ReferencedEntity, quote: string): MentionRecord {
  const text = article.text ?? '';
  const position = sentencePosition(quote, text);
  return { articleId: article.id, position, sentence: splitSentences(text)[position]! };
}
