import type { ReferencedEntity, References } from '../entity';
import { BadUserInputError } from '../errors';
import { EntityKind } from '../ontology';
import { findQuote } from './anchors';
import { isVerbatimInOneSentence, sentencePosition, splitSentences } from './sentences';
import type { MentionRecord } from './mention.type';

/**
 * Evidence checking, the one rule every write that cites an article obeys: a quote must be
 * verbatim (up to typography) within one sentence of the article, and occur there once, so
 * that its place in the text (its anchor) is known.
 */

/** The article a piece of evidence cites, which must exist, be an article and contain the quote once. */
export function requireQuote(references: References, articleId: string, quote: string, field: string): ReferencedEntity {
  const article = references.require(articleId, `${field}.articleId`, [EntityKind.ARTICLE]);
  const text = article.text ?? '';
  if (!isVerbatimInOneSentence(quote, text)) {
    throw new BadUserInputError(`${field}.quote is not a verbatim sentence (or part of one) of "${articleId}"`, {
      field: `${field}.quote`,
    });
  }
  const occurrences = findQuote(text, quote).length;
  if (occurrences > 1) {
    throw new BadUserInputError(
      `${field}.quote occurs ${occurrences} times in "${articleId}": quote more of its sentence, so that it is found once`,
      { field: `${field}.quote`, occurrences },
    );
  }
  return article;
}

/** The mention of an entity by the sentence that holds a checked quote (see requireQuote), anchored at the quote. */
export function mentionOfQuote(article: ReferencedEntity, quote: string, entityId: string): MentionRecord {
  const text = article.text ?? '';
  const position = sentencePosition(quote, text);
  return { entityId, articleId: article.id, position, sentence: splitSentences(text)[position]!, anchor: findQuote(text, quote)[0]! };
}
