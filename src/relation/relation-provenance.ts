import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Provenance } from '../entity';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { storedProvenance, type Provenance as ProvenanceRecord } from '../ontology';
import { parseRelationId } from './relation-id';
import { Relation, type RelationRecord } from './relation.type';

/**
 * The provenance of relations for one request, batched: one query for every relation a response
 * asks it of. Kept apart from the relation queries, which serve the many requests that do not.
 */
export class RelationProvenanceScope {
  private readonly loader: DataLoader<string, ProvenanceRecord | null>;

  constructor(executor: Neo4jExecutor) {
    this.loader = new DataLoader(async (ids) => {
      const relations = ids.flatMap((id) => {
        const ends = parseRelationId(id);
        return ends ? [{ id, ...ends }] : [];
      });
      const records = await executor.read(readCypher('queries/relation/provenance.cypher'), { relations });
      const byId = new Map(records.map((record) => [record.get('id') as string, storedProvenance(record.get('kind'), record.get('note'))]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  of(relationId: string): Promise<ProvenanceRecord | null> {
    return this.loader.load(relationId);
  }
}

export interface RelationProvenanceContext {
  relationProvenance: RelationProvenanceScope;
}

@Resolver(() => Relation)
export class RelationProvenanceResolver {
  @FieldResolver(() => Provenance, {
    nullable: true,
    description:
      'Whether the evidence states the relation (ASSERTED), the curators read it into the evidence (INFERRED, with a reason) or it comes from outside the articles (EXTERNAL, with its source); null where not recorded.',
  })
  provenance(@Root() relation: RelationRecord, @Ctx() { relationProvenance }: RelationProvenanceContext) {
    return relationProvenance.of(relation.id);
  }
}
