import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { ChangeRecorder, HistoryContext } from '../history';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { EntityRecord } from './entity.record';
import { EntityRepository } from './entity.repository';
import { EntityService } from './entity.service';

/**
 * Lets another domain fetch what a selection asks of an entity together with the entity, in
 * one query: `entity(id) { relations { ... } }` is then one round trip, not two. Failures are
 * for the selected field to report; a prefetch that fails is ignored.
 */
export type EntitySelectionPrefetch = (id: string, info: GraphQLResolveInfo) => Promise<void>;

/**
 * Entities for one request: the repository and service, and the loader every domain reads
 * entities through, so that an entity fetched once in a request (by any query) is not fetched
 * again. Queries that return entities hand them to `remember`.
 */
export class EntityScope {
  readonly repository: EntityRepository;
  readonly service: EntityService;
  private readonly byId: DataLoader<string, EntityRecord | null>;
  /** What the request already has, by id (null: known absent), readable without a promise; the loader keeps the same. */
  private readonly known = new Map<string, EntityRecord | null>();
  private readonly selectionPrefetches: EntitySelectionPrefetch[] = [];

  constructor(executor: Neo4jExecutor, recorder: ChangeRecorder) {
    this.repository = new EntityRepository(executor);
    this.service = new EntityService(executor, this.repository, recorder);
    this.byId = new DataLoader(async (ids) => {
      const found = await this.repository.findByIds(ids);
      return ids.map((id) => {
        const entity = found.get(id) ?? null;
        if (!this.known.has(id)) this.known.set(id, entity);
        return entity;
      });
    });
  }

  load(id: string): Promise<EntityRecord | null> {
    return this.byId.load(id);
  }

  /**
   * The entity for a field's answer: at once when the request has it already (the page or the
   * neighbourhood that led to the field brought it), else loaded. A value where a promise is not
   * needed spares graphql-js a wait per field: a neighbourhood's relations have hundreds of ends.
   */
  resolve(id: string): EntityRecord | null | Promise<EntityRecord | null> {
    const entity = this.known.get(id);
    return entity !== undefined ? entity : this.byId.load(id);
  }

  /** The entities that exist, in the order of the ids. */
  async loadExisting(ids: readonly string[]): Promise<EntityRecord[]> {
    const loaded = await this.byId.loadMany(ids);
    return loaded.filter((entity): entity is EntityRecord => entity !== null && !(entity instanceof Error));
  }

  /** Entities another query already returned: later loads of them in this request cost nothing. */
  remember(entities: Iterable<EntityRecord>): void {
    for (const entity of entities) {
      // As DataLoader's prime: what the request has first is kept.
      if (!this.known.has(entity.id)) this.known.set(entity.id, entity);
      this.byId.prime(entity.id, entity);
    }
  }

  /** Ids another query found absent. */
  rememberAbsent(ids: Iterable<string>): void {
    for (const id of ids) {
      if (!this.known.has(id)) this.known.set(id, null);
      this.byId.prime(id, null);
    }
  }

  /** After a write: the request's later reads see the entity as written. */
  replace(entity: EntityRecord): void {
    this.known.set(entity.id, entity);
    this.byId.clear(entity.id).prime(entity.id, entity);
  }

  addSelectionPrefetch(prefetch: EntitySelectionPrefetch): void {
    this.selectionPrefetches.push(prefetch);
  }

  /** The entity by id, fetched together with whatever of the selection another domain can fetch with it. */
  async loadForSelection(id: string, info: GraphQLResolveInfo): Promise<EntityRecord | null> {
    // A failure here is the selected field's to report: it awaits the same cached promise.
    await Promise.all(this.selectionPrefetches.map((prefetch) => prefetch(id, info).catch(() => undefined)));
    return this.load(id);
  }
}

/** An entity's history (Entity.history) is read from the history domain's part of the context. */
export interface EntityContext extends HistoryContext {
  entities: EntityScope;
}
