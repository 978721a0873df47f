import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { toEntityRecord, type EntityRecord } from '../entity/entity.record';
import type { EntityKind } from '../entity/entity-kind';
import { pageFromRows, type Page, type PageRequest } from '../graphql/pagination';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { parseRelationId } from './relation-id';
import { toRelationRecord, type StoredRelation } from './relation.record';
import type { RelationDirection, RelationRecord } from './relation.type';

export interface RelationQuery {
  types: string[] | null;
  direction: RelationDirection;
  otherKinds: EntityKind[] | null;
}

/** A relation with the entity at its other end, which the caller may cache. */
export interface RelationWithOtherEnd {
  relation: RelationRecord;
  other: EntityRecord;
}

export class RelationRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async ofEntities(
    entityIds: readonly string[],
    query: RelationQuery,
    request: PageRequest,
  ): Promise<Map<string, Page<RelationWithOtherEnd>>> {
    const records = await this.executor.read(readCypher('queries/relation/of-entities.cypher'), {
      entityIds,
      ...query,
      afterKey: request.afterKey,
      limitPlusOne: neo4j.int(request.limit + 1),
    });
    return new Map(
      records.map((record) => {
        const rows = record.get('rows') as { sortKey: string; other: Neo4jNode; relation: StoredRelation }[];
        const items = rows.map((row) => ({
          sortKey: row.sortKey,
          node: { relation: toRelationRecord(row.relation), other: toEntityRecord(row.other) },
        }));
        return [record.get('entityId') as string, pageFromRows(items, request, record.get('totalCount') as number)];
      }),
    );
  }

  async findById(id: string): Promise<RelationRecord | null> {
    const parts = parseRelationId(id);
    if (!parts) return null;
    const [record] = await this.executor.read(readCypher('queries/relation/by-ends.cypher'), parts);
    return record ? toRelationRecord(record.get('relation') as StoredRelation) : null;
  }
}
