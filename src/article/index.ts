/** The article domain's door: articles, their sentences, mentions and the evidence rule. */
import { ArticleProvenanceResolver } from './article-provenance.resolver';
import { ArticleResolver } from './article.resolver';
import { EntityMentionsResolver, MentionResolver } from './mention.resolver';

export { anchorAt, findQuote, type TextAnchorRecord } from './anchors';
export { contentHashOf, normaliseArticleText } from './article-text';
export { TextAnchor } from './anchor.type';
export { ArticleScope, type ArticleContext } from './article.context';
export type { ArticleRepository } from './article.repository';
export { Article } from './article.type';
export { mentionOfQuote, QUOTE_MINIMUM, quoteTooShort, requireQuote } from './evidence';
export { Mention, type MentionRecord } from './mention.type';
export { longestMatches, namePatternsOf, type NameMatch, type NamePatterns } from './name-matching';
export { normaliseText, sentencePosition, sentenceSpans, splitSentences, type SentenceSpan } from './sentences';

export const articleResolvers = [ArticleResolver, MentionResolver, EntityMentionsResolver, ArticleProvenanceResolver] as const;
