import type { ReferencedEntity, References } from '../entity';
import { BadUserInputError } from '../errors';
import { EntityKind } from '../ontology';
import { findQuote } from './anchors';
import { isVerbatimInOneSentence, sentencePosition, splitSentences } from './sentences';
import type { MentionRecord } from './mention.type';

/**
 * Evidence checking, the one rule every write that cites an article obeys: a quote must be at
 * least a clause, verbatim (up to typography) within one sentence of the article, and occur
 * there once, so that its place in the text (its anchor) is known.
 */

/**
 * The least a quote must hold to state a fact: a clause, which a checkable rule approximates
 * (whether it holds a verb is not: that would take a parser of every language). Words are
 * counted at Unicode's word boundaries (UAX #29, as Intl.Segmenter cuts them: "5,500-mile" is two
 * words, and scripts written without spaces are cut into their words too); characters are code
 * points of the quote without its surrounding white space. "a", "RCMP" and "the border" are
 * refused; "Canada has since stepped up enforcement" passes.
 */
export const QUOTE_MINIMUM = { words: 3, characters: 12 } as const;

const WORD_BOUNDARIES = new Intl.Segmenter('und', { granularity: 'word' });

/** Why a quote is too short to state a fact (see QUOTE_MINIMUM), or null. */
export function quoteTooShort(quote: string): string | null {
  const trimmed = quote.trim();
  const words = [...WORD_BOUNDARIES.segment(trimmed)].filter((segment) => segment.isWordLike).length;
  const characters = [...trimmed].length;
  if (words >= QUOTE_MINIMUM.words && characters >= QUOTE_MINIMUM.characters) return null;
  return `a quote must be at least a clause: ${QUOTE_MINIMUM.words} words and ${QUOTE_MINIMUM.characters} characters (it has ${words} and ${characters}); quote more of its sentence`;
}

/** The article a piece of evidence cites, which must exist, be an article and contain the quote (at least a clause) once. */
export function requireQuote(references: References, articleId: string, quote: string, field: string): ReferencedEntity {
  const article = references.require(articleId, `${field}.articleId`, [EntityKind.ARTICLE]);
  const tooShort = quoteTooShort(quote);
  if (tooShort !== null) throw new BadUserInputError(`${field}.quote: ${tooShort}`, { field: `${field}.quote`, reason: 'QUOTE_TOO_SHORT' });
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
