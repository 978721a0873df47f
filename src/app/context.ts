import { ArticleScope } from '../article';
import { DatasetScope, type DatasetContext } from '../dataset';
import { EntityScope } from '../entity';
import { GraphRepository, type GraphContext } from '../graph';
import type { RequestContext } from '../graphql/context';
import { HistoryScope, type ChangeRecorder } from '../history';
import { IngestionScope, type IngestionContext } from '../ingestion';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { QuotationScope, type QuotationContext } from '../quotation';
import { ReconciliationScope, type ReconciliationContext } from '../reconciliation';
import { RelationScope } from '../relation';
import { SearchRepository, TextSearchService, type SearchContext } from '../search';
import { StatisticScope, type StatisticContext } from '../statistic';

/** A request's whole context: what every domain's resolvers find in it. */
export type AppContext = StatisticContext & SearchContext & GraphContext & QuotationContext & IngestionContext & DatasetContext & ReconciliationContext;

/**
 * The domains that write facts, wired to each other and to the history, which records their
 * writes; ingestion writes accepted proposals through them.
 */
function createWriters(executor: Neo4jExecutor, recorder: ChangeRecorder) {
  const entities = new EntityScope(executor, recorder);
  const articles = new ArticleScope(executor);
  const relations = new RelationScope(executor, entities, recorder);
  // `entity(id) { relations }` then costs one query: the relations query returns the entity too.
  entities.addSelectionPrefetch(relations.prefetchSelectedRelations);
  const statistics = new StatisticScope(executor, articles, entities, recorder);
  return { entities, articles, relations, statistics };
}

/** Who the history names as the author of `npm run ingest`'s writes: no key asks for them. */
const INGEST_CLI = 'ingest-cli';

/**
 * Builds each request's context: every domain's part for this request (repositories, services
 * and per-request loaders, which never share data across requests), wired to the others.
 */
export function createAppContext(request: RequestContext, executor: Neo4jExecutor): AppContext {
  // A request's writes are recorded as its key's: the fingerprint, never the key.
  const history = new HistoryScope(executor, request.viewer.keyId);
  const writers = createWriters(executor, history);
  const datasets = new DatasetScope(executor);
  const search = new SearchRepository(executor);
  return {
    ...request,
    ...writers,
    history,
    search,
    textSearch: new TextSearchService(search),
    quotations: new QuotationScope(executor),
    graph: new GraphRepository(executor),
    ingestion: new IngestionScope(executor, writers, history),
    datasets,
    reconciliation: new ReconciliationScope(writers.statistics, datasets),
  };
}

/**
 * Ingestion outside a request (`npm run ingest`, the ingestion bench), wired as a request's is.
 * Like a request's, the scope is for one article: its loaders must not outlive it.
 */
export function createIngestionScope(executor: Neo4jExecutor): IngestionScope {
  const history = new HistoryScope(executor, INGEST_CLI);
  return new IngestionScope(executor, createWriters(executor, history), history);
}
