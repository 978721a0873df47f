import type { RelationContext } from '../relation';
import type { GraphRepository } from './graph.repository';

export interface GraphContext extends RelationContext {
  graph: GraphRepository;
}
