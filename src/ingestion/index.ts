/**
 * The ingestion domain's door. So far the extraction of issue 12, deterministic and offline:
 * from an article's text and the entities the graph knows, the mentions, candidate entities,
 * candidate statistics (with periods resolved against the publication date) and quotations
 * with their speakers, each anchored in the text. Storing them as proposals for review, the
 * ingestArticle mutation and the CLI build on these.
 */
export { readArticleInput, type ArticleFormat, type ArticleInputFields, type ArticleInputProblem, type ArticleInputRead } from './article-input';
export type { CandidateEntity } from './extract-entities';
export { extractCandidateEntities } from './extract-entities';
export { extractMentions, type ExtractedMention } from './extract-mentions';
export { extractQuotations, type ExtractedQuotation } from './extract-quotations';
export { extractStatistics, type ExtractStatisticsOptions } from './extract-statistics';
export type { CandidatePeriod, CandidateStatistic, KnownEntity } from './extraction.types';
export { resolvePeriod } from './resolve-period';
