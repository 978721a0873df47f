/** The graph domain's door: nodes by id, paths and neighbourhoods across every kind. */
import { GraphResolver } from './graph.resolver';

export type { GraphContext } from './graph.context';
export { GraphRepository, neighborhoodQuery, shortestPathQuery } from './graph.repository';

export const graphResolvers = [GraphResolver] as const;
