import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { isDatasetId } from '../dataset';
import { entityProjection, Node, readsRelationEvidence } from '../entity';
import { NotFoundError } from '../errors';
import { neighborhoodCost, pathCost } from '../graphql/limits/cost';
import { isQuotationId } from '../quotation';
import { parseRelationId } from '../relation';
import type { GraphContext } from './graph.context';
import {
  DEFAULT_NEIGHBORHOOD_DEPTH,
  DEFAULT_NEIGHBORHOOD_LIMIT,
  DEFAULT_PATH_HOPS,
  MAX_NEIGHBORHOOD_DEPTH,
  MAX_NEIGHBORHOOD_LIMIT,
  MAX_PATH_HOPS,
  NeighborhoodArgs,
  Path,
  PathArgs,
  Subgraph,
} from './graph.type';

/** What the operation reads of the subgraph's entities and relations: the rest is not fetched. */
const subgraphRead = (info: GraphQLResolveInfo) => ({ entityProperties: entityProjection(info), withEvidence: readsRelationEvidence(info) });

/** The graph as a whole: any node by id, paths between entities, neighbourhoods. */
@Resolver()
export class GraphResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity, relation, quotation or dataset by its id.' })
  async node(
    @Arg('id', () => ID, { description: 'An entity id, a relation id, a quotation id ("quotation:...") or a dataset id ("dataset:...").' }) id: string,
    @Ctx() { entities, relations, quotations, datasets }: GraphContext,
  ) {
    const ends = parseRelationId(id);
    if (ends) return relations.repository.findByEnds(ends);
    if (isDatasetId(id)) return datasets.load(id);
    return isQuotationId(id) ? quotations.load(id) : entities.load(id);
  }

  @Query(() => Path, {
    nullable: true,
    description: 'A shortest chain of relations between two entities, or null.',
    complexity: pathCost(MAX_PATH_HOPS),
  })
  async path(@Args() { from, to, maxHops }: PathArgs, @Ctx() { graph, entities }: GraphContext, @Info() info: GraphQLResolveInfo) {
    const { start, endFound, path } = await graph.shortestPath(from, to, maxHops ?? DEFAULT_PATH_HOPS, subgraphRead(info));
    if (!start) throw new NotFoundError('Entity', from);
    if (!endFound) throw new NotFoundError('Entity', to);
    entities.remember(path?.nodes ?? [start]);
    if (from === to) return { length: 0, nodes: [start], relations: [] };
    return path && { length: path.relations.length, ...path };
  }

  @Query(() => Subgraph, {
    description: 'Everything within depth hops of an entity, at most limit nodes.',
    complexity: neighborhoodCost(MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_LIMIT),
  })
  async neighborhood(@Args() { id, depth, limit }: NeighborhoodArgs, @Ctx() { graph, entities }: GraphContext, @Info() info: GraphQLResolveInfo) {
    const subgraph = await graph.neighborhood(id, depth ?? DEFAULT_NEIGHBORHOOD_DEPTH, limit ?? DEFAULT_NEIGHBORHOOD_LIMIT, subgraphRead(info));
    if (!subgraph) throw new NotFoundError('Entity', id);
    entities.remember(subgraph.nodes);
    return subgraph;
  }
}
