import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Article, TextAnchor } from '../article';
import { Entity, Node } from '../entity';
import { connectionTypes } from '../graphql/connection';
import { EntityKind } from '../ontology';

export enum RelationDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}

registerEnumType(RelationDirection, {
  name: 'RelationDirection',
  description: 'Which relations of an entity to follow: those it starts, those it ends, or both.',
});

export interface EvidenceRecord {
  articleId: string;
  quote: string;
}

export interface RelationRecord {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  evidence: EvidenceRecord[];
}

@ObjectType({ description: 'Why the graph holds a relation: an article and its exact words.' })
export class Evidence {
  @Field(() => Article, { description: 'The article that states the fact.' })
  article: Article;

  @Field({ description: 'A verbatim sentence of the article.' })
  quote: string;

  @Field(() => TextAnchor, { description: "Where the quote sits in the article's text." })
  anchor: TextAnchor;
}

@ObjectType({
  implements: Node,
  description: 'A directed, typed link between two entities, e.g. Mike Kelly -CO_CHAIRS-> Northern Border Security Caucus.',
})
export class Relation extends Node {
  @Field({ description: 'UPPER_SNAKE_CASE, e.g. CO_CHAIRS, REPORTED, PART_OF, BORDERS (see docs/ontology.md).' })
  type: string;

  @Field(() => Entity, { description: 'The entity the relation starts at (its subject).' })
  from: Entity;

  @Field(() => Entity, { description: 'The entity the relation points to (its object).' })
  to: Entity;

  @Field(() => [Evidence], { description: 'Why the graph holds this link: never empty.' })
  evidence: Evidence[];
}

@InputType({ description: 'Which relations of an entity to return.' })
export class RelationFilter {
  @Field(() => [String], { nullable: true, description: 'Keep only these relation types.' })
  types?: string[] | null;

  @Field(() => RelationDirection, {
    nullable: true,
    defaultValue: RelationDirection.BOTH,
    description: 'OUTGOING: relations the entity starts; INCOMING: relations that point to it; BOTH.',
  })
  direction?: RelationDirection | null;

  @Field(() => [EntityKind], { nullable: true, description: 'Keep only links whose other end is of these kinds.' })
  otherKinds?: EntityKind[] | null;
}

export const { Edge: RelationEdge, Connection: RelationConnection } = connectionTypes('Relation', () => Relation);
