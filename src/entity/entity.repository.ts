import neo4j from 'neo4j-driver';
import { pageFromRows, type Page, type PageRequest } from '../graphql/pagination';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { BadUserInputError } from '../errors';
import { KIND_LABEL, nameKeysOf, type EntityKind } from './entity-kind';
import { References } from './references';
import { toEntityRecord, type EntityRecord, type StoredEntity } from './entity.record';
import type { MentionRecord } from './mention.type';

export interface EntityUpsert {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[] | null;
  description: string | null;
}

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
      limitPlusOne: neo4j.int(request.limit + 1),
    });
    const rows = (record?.get('rows') ?? []) as { sortKey: string; node: StoredEntity }[];
    const entities = rows.map((row) => ({ sortKey: row.sortKey, node: toEntityRecord(row.node) }));
    return pageFromRows(entities, request, (record?.get('totalCount') as number | undefined) ?? 0);
  }

  /** Creates or updates one entity in one transaction; the same input twice changes nothing. */
  async upsert(entity: EntityUpsert): Promise<EntityRecord> {
    return this.executor.writeTransaction(async (tx) => {
      const nameKeys = nameKeysOf(entity.name, entity.aliases ?? []);
      const [taken] = await tx.run(readCypher('queries/entity/name-taken.cypher'), { id: entity.id, nameKeys });
      if (taken) {
        throw new BadUserInputError(`A name or alias of this entity already names "${taken.get('id')}"`, {
          field: 'input.name',
          conflictingId: taken.get('id'),
        });
      }
      const [record] = await tx.run(readCypher('queries/entity/upsert.cypher'), {
        ...entity,
        label: KIND_LABEL[entity.kind],
      });
      if (!record) {
        const existing = await References.load(tx, [entity.id]);
        throw new BadUserInputError(
          `"${entity.id}" exists as a ${existing.require(entity.id, 'input.id', Object.keys(KIND_LABEL)).kind}, not a ${entity.kind}`,
          { field: 'input.kind' },
        );
      }
      return toEntityRecord(record.get('n') as StoredEntity);
    });
  }

  async mentionsOf(entityIds: readonly string[], request: PageRequest): Promise<Map<string, Page<MentionRecord>>> {
    const records = await this.executor.read(readCypher('queries/entity/mentions-of.cypher'), {
      entityIds,
      afterKey: request.afterKey,
      limitPlusOne: neo4j.int(request.limit + 1),
    });
    return new Map(
      records.map((record) => {
        const rows = record.get('rows') as (MentionRecord & { sortKey: string })[];
        const items = rows.map(({ sortKey, ...mention }) => ({ sortKey, node: mention }));
        return [record.get('entityId') as string, pageFromRows(items, request, record.get('totalCount') as number)];
      }),
    );
  }
}
