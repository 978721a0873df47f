import { pageFromRows, type Page, type PageRequest } from '../paging';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { KIND_LABEL, provenanceNote, type EntityKind, type Provenance } from '../ontology';
import { nameKeysOf } from './entity-identity';
import { toEntityRecord, type EntityRecord, type StoredEntity } from './entity.record';

export interface EntityUpsert {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[] | null;
  description: string | null;
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
    const records = await this.executor.read(readCypher('queries/entity/by-name.cypher'), {
      nameKey: name.toLowerCase(),
    });
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
    const [record] = await tx.run(readCypher('queries/entity/by-name.cypher'), { nameKey: name.trim().toLowerCase() });
    return record ? toEntityRecord(record.get('n') as StoredEntity) : null;
  }

  /** The id of another entity that already answers to one of the names, if any. */
  async nameHolder(tx: CypherTransaction, id: string, name: string, aliases: readonly string[]): Promise<string | null> {
    const [taken] = await tx.run(readCypher('queries/entity/name-taken.cypher'), { id, nameKeys: nameKeysOf(name, aliases) });
    return taken ? (taken.get('id') as string) : null;
  }

  /** Creates or updates the entity; null when its id exists with another kind. */
  async upsert(tx: CypherTransaction, entity: EntityUpsert): Promise<EntityRecord | null> {
    const [record] = await tx.run(readCypher('queries/entity/upsert.cypher'), { ...entity, label: KIND_LABEL[entity.kind] });
    return record ? toEntityRecord(record.get('n') as StoredEntity) : null;
  }

  /** Records where an entity comes from, unless it has an origin already, and the provenance of its aliases. */
  async recordOrigin(tx: CypherTransaction, id: string, provenance: Provenance): Promise<void> {
    await tx.run(readCypher('queries/entity/record-origin.cypher'), { id, kind: provenance.kind, note: provenanceNote(provenance) });
  }

  /** Adds an alias with its provenance; nothing when the entity has it already. */
  async addAlias(tx: CypherTransaction, id: string, alias: string, provenance: Provenance): Promise<void> {
    await tx.run(readCypher('queries/entity/add-alias.cypher'), { id, alias, kind: provenance.kind, note: provenanceNote(provenance) });
  }
}
