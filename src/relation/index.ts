/** The relation domain's door: relations, the relations of an entity, and writing links. */
import { ArticlePublisherResolver } from './article-publisher.resolver';
import { EntityRelationsResolver } from './entity-relations.resolver';
import { RelationProvenanceResolver } from './relation-provenance.resolver';
import { EvidenceResolver, RelationResolver } from './relation.resolver';

export { RelationScope, type RelationContext } from './relation.context';
export { encodeEvidence, parseRelationId, relationId } from './relation-id';
export { toRelationRecord, type StoredRelation } from './relation.record';
export { mergeRelations, relationPageQuery, type RelationWrite } from './relation.repository';
export { Evidence, Relation, RelationDirection, type EvidenceRecord, type RelationRecord } from './relation.type';

export const relationResolvers = [
  RelationResolver,
  EvidenceResolver,
  EntityRelationsResolver,
  ArticlePublisherResolver,
  RelationProvenanceResolver,
] as const;
