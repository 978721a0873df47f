import type { Node as Neo4jNode } from 'neo4j-driver';
import type { StoredProperties } from '../history';
import { pageFromRows, type Page, type PageRequest } from '../paging';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { KIND_LABEL, provenanceNote, type EntityKind, type Provenance } from '../ontology';
import { lookupKeyOf, type NameClaim } from './entity-identity';
import { accountedProperties, toEntityRecord, type EntityRecord, type StoredEntity } from './entity.record';

export interface EntityUpsert {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[] | null;
  description: string | null;
}

/** A name whose key another entity holds: that entity, and the name it holds the key as. */
export interface NameConflict {
  entityId: string;
  name: string;
  holderId: string;
  holderName: string;
  heldAs: string;
}

/** An entity as a write left it, and what it held before (null for a new one), for the write's Change. */
export interface EntityWritten {
  entity: EntityRecord;
  before: StoredProperties | null;
  after: StoredProperties;
}

/**
 * Claims the keys of the names (docs/ontology.md#one-name-one-entity) in the caller's
 * transaction; the names whose key another entity holds come back, and the caller refuses the
 * write. Exported for the seed.
 */
export async function claimNames(tx: CypherTransaction, claims: readonly NameClaim[]): Promise<NameConflict[]> {
  const records = await tx.run(readCypher('queries/entity/claim-names.cypher'), { claims });
  return records.map((record) => ({
    entityId: record.get('entityId') as string,
    name: record.get('name') as string,
    holderId: record.get('holderId') as string,
    holderName: record.get('holderName') as string,
    heldAs: record.get('heldAs') as string,
  }));
}

/** Frees the keys each entity holds besides the ones given (its names as written). */
export async function releaseNames(tx: CypherTransaction, entities: readonly { id: string; keys: readonly string[] }[]): Promise<void> {
  await tx.run(readCypher('queries/entity/release-names.cypher'), { entities });
}

/** Entities' Cypher and the mapping of its results; the rules of writes are EntityService's. */
export class EntityRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async findByIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const records = await this.executor.read(readCypher('queries/entity/by-ids.cypher'), { ids });
    const entities = records.map((record) => toEntityRecord(record.get('n') as StoredEntity));
    return new Map(entities.map((entity) => [entity.id, entity]));
  }

  async findByName(name: string): Promise<EntityRecord | null> {
    const records = await this.executor.read(readCypher('queries/entity/by-name.cypher'), { nameKey: lookupKeyOf(name) });
    const node = records[0]?.get('n') as StoredEntity | undefined;
    return node ? toEntityRecord(node) : null;
  }

  async page(kind: EntityKind | null, request: PageRequest): Promise<Page<EntityRecord>> {
    const [record] = await this.executor.read(readCypher('queries/entity/page.cypher'), {
      kind,
      afterKey: request.afterKey,
      limitPlusOne: request.limit + 1,
    });
    const rows = (record?.get('rows') ?? []) as { sortKey: string; node: StoredEntity }[];
    const entities = rows.map((row) => ({ sortKey: row.sortKey, node: toEntityRecord(row.node) }));
    return pageFromRows(entities, request, (record?.get('totalCount') as number | undefined) ?? 0);
  }

  /** findByName, inside a caller's transaction: it sees what the transaction wrote. */
  async findByNameIn(tx: CypherTransaction, name: string): Promise<EntityRecord | null> {
    const [record] = await tx.run(readCypher('queries/entity/by-name.cypher'), { nameKey: lookupKeyOf(name) });
    return record ? toEntityRecord(record.get('n') as StoredEntity) : null;
  }

  /** The id of an article or statistic that already answers to one of the names, if any (they hold no name keys). */
  async unkeyedNameHolder(tx: CypherTransaction, names: readonly string[]): Promise<string | null> {
    const [taken] = await tx.run(readCypher('queries/entity/name-taken.cypher'), { nameKeys: names.map(lookupKeyOf) });
    return taken ? (taken.get('id') as string) : null;
  }

  /**
   * Creates or updates the entity; null when its id exists with another kind, or, for an id
   * derived from the name (`derived`), holds an entity that does not answer to that name.
   */
  async upsert(tx: CypherTransaction, entity: EntityUpsert, derived: boolean): Promise<EntityWritten | null> {
    const [record] = await tx.run(readCypher('queries/entity/upsert.cypher'), {
      ...entity,
      label: KIND_LABEL[entity.kind],
      derived,
      lookupKey: lookupKeyOf(entity.name),
    });
    if (!record) return null;
    const node = record.get('n') as Neo4jNode;
    const before = record.get('before') as StoredProperties | null;
    return { entity: toEntityRecord(node), before: before && accountedProperties(before), after: accountedProperties(node.properties) };
  }

  /** Entities of these kinds that hold no name key (written before migration 007, or by hand). */
  async withoutNameKeys(kinds: readonly EntityKind[]): Promise<{ id: string; name: string; aliases: string[] }[]> {
    const records = await this.executor.read(readCypher('queries/entity/without-name-keys.cypher'), { kinds });
    return records.map((record) => ({ id: record.get('id'), name: record.get('name'), aliases: record.get('aliases') }));
  }

  /**
   * Records where an entity comes from, unless it has an origin already, and the provenance of
   * its aliases; the entity's properties then.
   */
  async recordOrigin(tx: CypherTransaction, id: string, provenance: Provenance): Promise<StoredProperties> {
    const [record] = await tx.run(readCypher('queries/entity/record-origin.cypher'), { id, kind: provenance.kind, note: provenanceNote(provenance) });
    return accountedProperties(record!.get('after') as StoredProperties);
  }

  /** Adds an alias with its provenance, and returns the entity before and after; null when the entity answers to it already. */
  async addAlias(tx: CypherTransaction, id: string, alias: string, provenance: Provenance): Promise<{ before: StoredProperties; after: StoredProperties } | null> {
    const [record] = await tx.run(readCypher('queries/entity/add-alias.cypher'), {
      id,
      alias,
      lookupKey: lookupKeyOf(alias),
      kind: provenance.kind,
      note: provenanceNote(provenance),
    });
    return record ? { before: accountedProperties(record.get('before') as StoredProperties), after: accountedProperties(record.get('after') as StoredProperties) } : null;
  }
}
