import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Entity } from '../entity';
import { IsIntInRange } from '../graphql/input-rules';
import { Relation } from '../relation';

export const MAX_PATH_HOPS = 6;
export const DEFAULT_PATH_HOPS = 4;
export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const DEFAULT_NEIGHBORHOOD_DEPTH = 1;
export const MAX_NEIGHBORHOOD_LIMIT = 500;
export const DEFAULT_NEIGHBORHOOD_LIMIT = 100;

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

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PATH_HOPS, description: `Longest chain to consider, 1 to ${MAX_PATH_HOPS}.` })
  @IsIntInRange(1, MAX_PATH_HOPS)
  maxHops?: number | null;
}

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID, { description: 'The entity at the centre.' })
  id: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_NEIGHBORHOOD_DEPTH, description: `Hops from the centre, 1 to ${MAX_NEIGHBORHOOD_DEPTH}.` })
  @IsIntInRange(1, MAX_NEIGHBORHOOD_DEPTH)
  depth?: number | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_NEIGHBORHOOD_LIMIT,
    description: `Most nodes to return (the centre included), 1 to ${MAX_NEIGHBORHOOD_LIMIT}.`,
  })
  @IsIntInRange(1, MAX_NEIGHBORHOOD_LIMIT)
  limit?: number | null;
}
