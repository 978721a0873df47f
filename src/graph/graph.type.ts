import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Entity } from '../entity/entity.type';
import { Relation } from '../relation/relation.type';

export const MAX_PATH_HOPS = 6;
export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_NEIGHBORHOOD_LIMIT = 500;

@ObjectType({ description: 'A chain of relations; nodes has length + 1 entries.' })
export class Path {
  @Field(() => Int, { description: 'How many relations the chain has.' })
  length: number;

  @Field(() => [Entity], { description: 'The entities along the chain, from its start to its end.' })
  nodes: Entity[];

  @Field(() => [Relation], { description: 'The relations between consecutive nodes, each in its stored direction.' })
  relations: Relation[];
}

@ObjectType({ description: 'The entities and relations around a centre, ready to draw.' })
export class Subgraph {
  @Field(() => [Entity], { description: 'The centre first, then the others nearest first.' })
  nodes: Entity[];

  @Field(() => [Relation], { description: 'Every relation between two of the nodes.' })
  relations: Relation[];
}

@ArgsType()
export class PathArgs {
  @Field(() => ID, { description: 'The entity the path starts at.' })
  from: string;

  @Field(() => ID, { description: 'The entity the path ends at.' })
  to: string;

  @Field(() => Int, { nullable: true, defaultValue: 4, description: `Longest chain to consider, 1 to ${MAX_PATH_HOPS}.` })
  maxHops?: number | null;
}

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: 'The entity at the centre.' })
  id: string;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: `Hops from the centre, 1 to ${MAX_NEIGHBORHOOD_DEPTH}.` })
  depth?: number | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 100,
    description: `Most nodes to return (the centre included), 1 to ${MAX_NEIGHBORHOOD_LIMIT}.`,
  })
  limit?: number | null;
}
