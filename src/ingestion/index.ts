/**
 * The ingestion domain's door (issue 12): an article in (text, Markdown or a saved page), what it
 * states extracted deterministically and offline, stored as proposals for an editor's review,
 * and the accepted ones written through the other domains as ordinary facts.
 */
import { ArticleProposalsResolver, IngestionResolver } from './ingestion.resolver';

export { readArticleInput, type ArticleFormat, type ArticleInputFields, type ArticleInputProblem, type ArticleInputRead } from './article-input';
export type { CandidateEntity } from './extract-entities';
export { extractCandidateEntities } from './extract-entities';
export { extractMentions, type ExtractedMention } from './extract-mentions';
export { extractQuotations, type ExtractedQuotation } from './extract-quotations';
export { extractRelations, type CandidateRelation } from './extract-relations';
export { extractStatistics, type ExtractStatisticsOptions } from './extract-statistics';
export type { CandidatePeriod, CandidateStatistic, KnownEntity } from './extraction.types';
export {
  EXIT,
  exitStatusOf,
  formatSummary,
  FOLDER_CONCURRENCY,
  ingestFile,
  listArticleFiles,
  mapConcurrently,
  parseCommandLine,
  parseIngestArgs,
  progressLine,
  UsageError,
  USAGE,
  type ArticleFiles,
  type FileOutcome,
  type IngestArgs,
} from './ingest-cli';
export { IngestionScope, type IngestionContext } from './ingestion.context';
export { IngestionService, type IngestOutcome } from './ingestion.service';
export { IngestionRepository } from './ingestion.repository';
export { resolvePeriod } from './resolve-period';

export const ingestionResolvers = [IngestionResolver, ArticleProposalsResolver] as const;
