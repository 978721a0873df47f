import type { DatasetContext } from '../dataset';
import type { QuotationContext } from '../quotation';
import type { RelationContext } from '../relation';
import type { GraphRepository } from './graph.repository';

/** `node(id)` finds quotations and datasets too. */
export interface GraphContext extends RelationContext, QuotationContext, DatasetContext {
  graph: GraphRepository;
}
