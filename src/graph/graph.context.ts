import type { QuotationContext } from '../quotation';
import type { RelationContext } from '../relation';
import type { GraphRepository } from './graph.repository';

/** `node(id)` finds quotations too. */
export interface GraphContext extends RelationContext, QuotationContext {
  graph: GraphRepository;
}
