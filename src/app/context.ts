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
 * A request's context: the request's own fields, and every domain's part for this request
 * (repositories, services and per-request loaders, which never share data across requests),
 * wired to the others. Each part is built when a resolver first reaches for it: most operations
 * use one or two domains, and building all of them cost every request about 12 µs and their
 * garbage (a path needs only the graph).
 */
class RequestScopes implements AppContext {
  readonly requestId: string;
  readonly log: RequestContext['log'];
  readonly viewer: RequestContext['viewer'];
  readonly clientAddress: string;
  readonly trace: RequestContext['trace'];
  /**
   * The parts built so far. One object, not a field each: Apollo Server runs an operation on a
   * shallow copy of the context (Object.assign onto its prototype), so every copy shares this
   * object and with it the request's parts and loaders. For the same reason these are no #private
   * fields, which a copy would not have.
   */
  private readonly parts: {
    history?: HistoryScope;
    writers?: ReturnType<typeof createWriters>;
    datasets?: DatasetScope;
    search?: SearchRepository;
    textSearch?: TextSearchService;
    quotations?: QuotationScope;
    graph?: GraphRepository;
    ingestion?: IngestionScope;
    reconciliation?: ReconciliationScope;
  } = {};

  constructor(
    request: RequestContext,
    private readonly executor: Neo4jExecutor,
  ) {
    this.requestId = request.requestId;
    this.log = request.log;
    this.viewer = request.viewer;
    this.clientAddress = request.clientAddress;
    this.trace = request.trace;
  }

  /** A request's writes are recorded as its key's: the fingerprint, never the key. */
  get history(): HistoryScope {
    return (this.parts.history ??= new HistoryScope(this.executor, this.viewer.keyId));
  }
  private get writers() {
    return (this.parts.writers ??= createWriters(this.executor, this.history));
  }
  get entities() {
    return this.writers.entities;
  }
  get articles() {
    return this.writers.articles;
  }
  get relations() {
    return this.writers.relations;
  }
  get statistics() {
    return this.writers.statistics;
  }
  get datasets(): DatasetScope {
    return (this.parts.datasets ??= new DatasetScope(this.executor));
  }
  get search(): SearchRepository {
    return (this.parts.search ??= new SearchRepository(this.executor));
  }
  get textSearch(): TextSearchService {
    return (this.parts.textSearch ??= new TextSearchService(this.search));
  }
  get quotations(): QuotationScope {
    return (this.parts.quotations ??= new QuotationScope(this.executor));
  }
  get graph(): GraphRepository {
    return (this.parts.graph ??= new GraphRepository(this.executor));
  }
  get ingestion(): IngestionScope {
    return (this.parts.ingestion ??= new IngestionScope(this.executor, this.writers, this.history));
  }
  get reconciliation(): ReconciliationScope {
    return (this.parts.reconciliation ??= new ReconciliationScope(this.statistics, this.datasets));
  }
}

/** Builds each request's context (see RequestScopes). */
export function createAppContext(request: RequestContext, executor: Neo4jExecutor): AppContext {
  return new RequestScopes(request, executor);
}

/**
 * Ingestion outside a request (`npm run ingest`, the ingestion bench), wired as a request's is.
 * Like a request's, the scope is for one article: its loaders must not outlive it.
 */
export function createIngestionScope(executor: Neo4jExecutor): IngestionScope {
  const history = new HistoryScope(executor, INGEST_CLI);
  return new IngestionScope(executor, createWriters(executor, history), history);
}
