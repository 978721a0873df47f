import neo4j from 'neo4j-driver';
import { toEntityRecord, type EntityRecord, type StoredEntity } from '../entity/entity.record';
import type { EntityKind } from '../entity/entity-kind';
import { pageFromRows, type Page, type PageRequest } from '../graphql/pagination';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { parseRelationId } from './relation-id';
import { toRelationRecord, type StoredRelation } from './relation.record';
import type { EvidenceRecord, RelationDirection, RelationRecord } from './relation.type';
import { BadUserInputError } from '../errors';
import { References } from '../entity/references';
import type { CypherTransaction } from '../neo4j/neo4j-executor';
import { encodeEvidence, relationId } from './relation-id';
import { DERIVED_RELATION_TYPES, RELATION_TYPES, relationTypeDefinition } from './relation-types';

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

  /** Pages of the entities' relations, and the entities themselves (absent ids have neither). */
  async ofEntities(
    entityIds: readonly string[],
    query: RelationQuery,
    request: PageRequest,
  ): Promise<{ pages: Map<string, Page<RelationWithOtherEnd>>; entities: Map<string, EntityRecord> }> {
    const records = await this.executor.read(readCypher('queries/relation/of-entities.cypher'), {
      entityIds,
      ...query,
      afterKey: request.afterKey,
      limitPlusOne: neo4j.int(request.limit + 1),
    });
    const pages = new Map<string, Page<RelationWithOtherEnd>>();
    const entities = new Map<string, EntityRecord>();
    for (const record of records) {
      const entityId = record.get('entityId') as string;
      const rows = record.get('rows') as { sortKey: string; other: StoredEntity; relation: StoredRelation }[];
      const items = rows.map((row) => ({
        sortKey: row.sortKey,
        node: { relation: toRelationRecord(row.relation), other: toEntityRecord(row.other) },
      }));
      pages.set(entityId, pageFromRows(items, request, record.get('totalCount') as number));
      entities.set(entityId, toEntityRecord(record.get('entity') as StoredEntity));
    }
    return { pages, entities };
  }

  /**
   * Creates a link, or adds evidence to the existing link of that type between the two, in one
   * transaction. The type must be a curated type of the ontology and the ends of its kinds;
   * derived types (REPORTED, STATES, ...) are written by recordStatistic and the seed only.
   */
  async link(input: { type: string; fromId: string; toId: string; evidence: EvidenceRecord[] }): Promise<RelationRecord> {
    const definition = relationTypeDefinition(input.type);
    if (!definition || DERIVED_RELATION_TYPES.has(input.type)) {
      const curated = RELATION_TYPES.filter((candidate) => !DERIVED_RELATION_TYPES.has(candidate.type));
      throw new BadUserInputError(
        `Unknown relation type "${input.type}"; use one of ${curated.map((candidate) => candidate.type).join(', ')}`,
        { field: 'input.type' },
      );
    }
    return this.executor.writeTransaction(async (tx) => {
      const references = await References.load(tx, [
        input.fromId,
        input.toId,
        ...input.evidence.map((item) => item.articleId),
      ]);
      references.require(input.fromId, 'input.fromId', definition.fromKinds);
      references.require(input.toId, 'input.toId', definition.toKinds);
      input.evidence.forEach((item, index) => references.requireQuote(item.articleId, item.quote, `input.evidence[${index}]`));
      const [relation] = await mergeRelations(tx, [input]);
      return relation!;
    });
  }

  /** Deletes a curated link; false when there was none (deleting twice is harmless). */
  async unlink(id: string): Promise<boolean> {
    const parts = parseRelationId(id);
    if (!parts) throw new BadUserInputError(`"${id}" is not a relation id`, { field: 'id' });
    if (DERIVED_RELATION_TYPES.has(parts.type)) {
      throw new BadUserInputError(`${parts.type} links are derived from statistics and articles and cannot be unlinked`, {
        field: 'id',
      });
    }
    const [record] = await this.executor.write(readCypher('queries/relation/delete.cypher'), parts);
    return record?.get('deleted') === true;
  }

  async findById(id: string): Promise<RelationRecord | null> {
    const parts = parseRelationId(id);
    if (!parts) return null;
    const [record] = await this.executor.read(readCypher('queries/relation/by-ends.cypher'), parts);
    return record ? toRelationRecord(record.get('relation') as StoredRelation) : null;
  }
}

/**
 * Writes links inside a caller's transaction (linkEntities, recordStatistic): MERGE per
 * (from, type, to) and a union of evidence. Types must have been checked by the caller.
 */
export async function mergeRelations(
  tx: CypherTransaction,
  links: { type: string; fromId: string; toId: string; evidence: EvidenceRecord[] }[],
): Promise<RelationRecord[]> {
  const relations = links.map((link) => ({
    id: relationId(link.fromId, link.type, link.toId),
    type: link.type,
    fromId: link.fromId,
    toId: link.toId,
    evidence: link.evidence.map((item) => encodeEvidence(item.articleId, item.quote)),
  }));
  const records = await tx.run(readCypher('queries/relation/merge-many.cypher'), { relations });
  return records.map((record) => toRelationRecord(record.get('relation') as StoredRelation));
}
