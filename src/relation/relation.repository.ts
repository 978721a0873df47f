import { projectedEntityReader, projectionParameters, projectionVariant, type EntityProjection, type EntityRecord } from '../entity';
import type { StoredProperties } from '../history';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { pageFromRows, type Page, type PageRequest } from '../paging';
import type { RelationQuery } from './relation.args';
import { provenanceNote, storedProvenance, type Provenance } from '../ontology';
import { encodeEvidence, parseRelationId, relationId } from './relation-id';
import { toRelationRecord, type StoredRelation } from './relation.record';
import type { EvidenceRecord, RelationRecord } from './relation.type';

/** A relation with the entity at its other end, which the caller may cache. */
export interface RelationWithOtherEnd {
  relation: RelationRecord;
  other: EntityRecord;
}

/** A relation's ends and type, as its id names them. */
export interface RelationEnds {
  fromId: string;
  type: string;
  toId: string;
}

export interface RelationWrite extends RelationEnds {
  evidence: EvidenceRecord[];
}

/** A relation as a merge left it, with its properties before (null: it is new) and after, for the write's Change. */
export interface MergedRelation {
  relation: RelationRecord;
  before: StoredProperties | null;
  after: StoredProperties;
}

/** What of a page of relations an operation reads: entities' properties (all when null), evidence, the total count. */
export interface RelationsRead {
  entityProperties: EntityProjection;
  withEvidence: boolean;
  withTotalCount: boolean;
}

/**
 * The page query as the repository sends it: of-entities.cypher in the variant the filter and
 * the read need, and its parameters. Exported for the benchmark's PROFILE of the service's own Cypher.
 */
export function relationPageQuery(
  entityIds: readonly string[],
  query: RelationQuery,
  request: PageRequest,
  { entityProperties, withEvidence, withTotalCount }: RelationsRead,
): { text: string; params: Record<string, unknown> } {
  const variant = {
    byTypes: query.types != null,
    byOtherKinds: query.otherKinds != null,
    direction: query.direction,
    hasAfterKey: request.afterKey !== null,
    withEvidence,
    counted: withTotalCount,
    ...projectionVariant(entityProperties),
  };
  return {
    text: readCypher('queries/relation/of-entities.cypher', variant),
    params: { entityIds, ...query, afterKey: request.afterKey, limitPlusOne: request.limit + 1, ...projectionParameters(entityProperties) },
  };
}

/**
 * A row of of-entities.cypher, by position: sort key, relation id, type, from and to ids, the
 * other end as projected, and the stored evidence when the read asked for it.
 */
type RelationRow = [sortKey: string, id: string, type: string, fromId: string, toId: string, other: unknown, evidence?: string[] | null];

/** Relations' Cypher and the mapping of its results; the rules of writes are RelationService's. */
export class RelationRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /**
   * Pages of the entities' relations, and the entities themselves (absent ids have neither),
   * entities with the given properties only (all when null), relations with their evidence or
   * not, and the pages' total counts only when asked for (null otherwise).
   */
  async ofEntities(
    entityIds: readonly string[],
    query: RelationQuery,
    request: PageRequest,
    read: RelationsRead,
  ): Promise<{ pages: Map<string, Page<RelationWithOtherEnd>>; entities: Map<string, EntityRecord> }> {
    const { text, params } = relationPageQuery(entityIds, query, request, read);
    const records = await this.executor.read(text, params);
    const toEntity = projectedEntityReader(read.entityProperties);
    const pages = new Map<string, Page<RelationWithOtherEnd>>();
    const entities = new Map<string, EntityRecord>();
    for (const record of records) {
      const entityId = record.get('entityId') as string;
      const items = (record.get('rows') as RelationRow[]).map(([sortKey, id, type, fromId, toId, other, evidence]) => ({
        sortKey,
        node: { relation: toRelationRecord({ id, type, fromId, toId, evidence: evidence ?? null }), other: toEntity(other) },
      }));
      pages.set(entityId, pageFromRows(items, request, record.get('totalCount') as number | null));
      entities.set(entityId, toEntity(record.get('entity')));
    }
    return { pages, entities };
  }

  async findByEnds(ends: RelationEnds): Promise<RelationRecord | null> {
    const [record] = await this.executor.read(readCypher('queries/relation/by-ends.cypher'), { ...ends });
    return record ? toRelationRecord(record.get('relation') as StoredRelation) : null;
  }

  /** The stored provenance of relations, by id (docs/ontology.md#provenance); absent where none was recorded. */
  async provenanceOf(ids: readonly string[]): Promise<Map<string, Provenance | null>> {
    const relations = ids.flatMap((id) => {
      const ends = parseRelationId(id);
      return ends ? [{ id, ...ends }] : [];
    });
    const records = await this.executor.read(readCypher('queries/relation/provenance.cypher'), { relations });
    return new Map(records.map((record) => [record.get('id') as string, storedProvenance(record.get('kind'), record.get('note'))]));
  }

  /** Records where a relation comes from, unless it says so already; its properties then, or null when it did. */
  async recordProvenance(tx: CypherTransaction, ends: RelationEnds, provenance: Provenance): Promise<StoredProperties | null> {
    const [record] = await tx.run(readCypher('queries/relation/record-provenance.cypher'), { ...ends, kind: provenance.kind, note: provenanceNote(provenance) });
    return record ? (record.get('after') as StoredProperties) : null;
  }

  /** Deletes the relation; its properties as they were, or null when there was none. */
  async delete(tx: CypherTransaction, ends: RelationEnds): Promise<StoredProperties | null> {
    const [record] = await tx.run(readCypher('queries/relation/delete.cypher'), { ...ends });
    return (record?.get('before') as StoredProperties | null | undefined) ?? null;
  }
}

/**
 * Writes links inside a caller's transaction (linkEntities, recordStatistic, the seed): MERGE
 * per (from, type, to) and a union of evidence. Types and ends must have been checked by the
 * caller, and so must what the history records of them.
 */
export async function mergeRelations(tx: CypherTransaction, links: RelationWrite[]): Promise<MergedRelation[]> {
  const relations = links.map((link) => ({
    id: relationId(link.fromId, link.type, link.toId),
    type: link.type,
    fromId: link.fromId,
    toId: link.toId,
    evidence: link.evidence.map((item) => encodeEvidence(item.articleId, item.quote)),
  }));
  const records = await tx.run(readCypher('queries/relation/merge-many.cypher'), { relations });
  return records.map((record) => ({
    relation: toRelationRecord(record.get('relation') as StoredRelation),
    before: record.get('before') as StoredProperties | null,
    after: record.get('after') as StoredProperties,
  }));
}
