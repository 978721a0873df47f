import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import { neighborhoodCost, pathCost } from '../graphql/limits';
import {
  MAX_NEIGHBORHOOD_DEPTH,
  MAX_NEIGHBORHOOD_LIMIT,
  MAX_PATH_HOPS,
  NeighborhoodArgs,
  Path,
  PathArgs,
  Subgraph,
} from './graph.type';

function integerInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`"${name}" must be between ${min} and ${max}, got ${value}`, {
      argumentName: name,
      limit: max,
    });
  }
  return value;
}

@Resolver()
export class GraphResolver {
  @Query(() => Path, {
    nullable: true,
    description: 'A shortest chain of relations between two entities, or null.',
    complexity: pathCost(MAX_PATH_HOPS),
  })
  async path(@Args() { from, to, maxHops }: PathArgs, @Ctx() context: GraphQLContext) {
    const hops = integerInRange('maxHops', maxHops ?? 4, 1, MAX_PATH_HOPS);
    const { start, endFound, path } = await context.repositories.graph.shortestPath(from, to, hops);
    if (!start) throw new NotFoundError('Entity', from);
    if (!endFound) throw new NotFoundError('Entity', to);
    for (const node of path?.nodes ?? [start]) context.loaders.entityById.prime(node.id, node);
    if (from === to) return { length: 0, nodes: [start], relations: [] };
    return path && { length: path.relations.length, ...path };
  }

  @Query(() => Subgraph, {
    description: 'Everything within depth hops of an entity, at most limit nodes.',
    complexity: neighborhoodCost(MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_LIMIT),
  })
  async neighborhood(@Args() { id, depth, limit }: NeighborhoodArgs, @Ctx() context: GraphQLContext) {
    const hops = integerInRange('depth', depth ?? 1, 1, MAX_NEIGHBORHOOD_DEPTH);
    const size = integerInRange('limit', limit ?? 100, 1, MAX_NEIGHBORHOOD_LIMIT);
    const subgraph = await context.repositories.graph.neighborhood(id, hops, size);
    if (!subgraph) throw new NotFoundError('Entity', id);
    for (const node of subgraph.nodes) context.loaders.entityById.prime(node.id, node);
    return subgraph;
  }
}
