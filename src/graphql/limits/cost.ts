import type { GraphQLRequest } from '@apollo/server';
import { getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
  type ComplexityEstimatorArgs,
} from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../../paging';

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * An argument that sizes a list, as the cost estimate reads it. Values outside the range the
 * resolver accepts count as its bounds: the resolver refuses them with a message naming the
 * argument and its range, which says more than a cost would.
 */
function sizeArgument(value: unknown, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(Math.trunc(value), min, max) : max;
}

/**
 * Cost of a connection or list sized by `first`: its selection once per item it may return.
 * Used as the TypeGraphQL `complexity` of every paginated field.
 */
export const pageCost: ComplexityEstimator = ({ args, childComplexity }: ComplexityEstimatorArgs) =>
  1 + sizeArgument(args.first, 0, MAX_PAGE_SIZE) * childComplexity;

/**
 * Cost of `neighborhood`: up to `limit` entities, each costing its selection, found by
 * expanding `depth` hops, each of which may touch up to `limit` entities in Neo4j.
 */
export function neighborhoodCost(maxDepth: number, maxLimit: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const limit = sizeArgument(args.limit, 1, maxLimit);
    return 1 + limit * childComplexity + sizeArgument(args.depth, 1, maxDepth) * limit;
  };
}

/** Cost of `path`: a shortest-path search of up to `maxHops` hops, returning as many relations. */
export function pathCost(maxHops: number): ComplexityEstimator {
  return ({ args, childComplexity }) => 1 + sizeArgument(args.maxHops, 1, maxHops) * (1 + childComplexity);
}

/** Fields with a `complexity` of their own use it; every other field costs 1 plus its selection. */
const COST_ESTIMATORS = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** The estimated cost of one operation of a validated document, with its request's variables. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: COST_ESTIMATORS });
}

/** What a plugin knows of a request once its operation is resolved. */
export interface ResolvedRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation?: OperationDefinitionNode;
  request: GraphQLRequest;
}

type CostOutcome = { cost: number | undefined } | { failure: Error };

/** Keyed by Apollo's request object: each operation of a batch has one of its own. */
const costs = new WeakMap<GraphQLRequest, CostOutcome>();

function estimateResolvedCost({ schema, document, operation, request }: ResolvedRequest): CostOutcome {
  // No operation to run (several, none chosen): execution says so.
  if (!operation) return { cost: undefined };
  const variables = request.variables ?? {};
  // Variables that do not fit their types are refused by execution, as BAD_USER_INPUT.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return { cost: undefined };
  try {
    return { cost: estimateCost(schema, document, operation.name?.value, variables) };
  } catch (error) {
    return { failure: error as Error };
  }
}

/**
 * The estimated cost of a request's resolved operation, worked out once per request for every
 * plugin that needs it (the cost limit refuses by it, fair use charges it and bounds heavy
 * operations by it). Undefined when there is nothing to run or the variables do not fit their
 * types; throws the estimator's error when it gives up (fragments spread many times over exceed
 * its node budget).
 */
export function resolvedOperationCost(resolved: ResolvedRequest): number | undefined {
  let outcome = costs.get(resolved.request);
  if (!outcome) {
    outcome = estimateResolvedCost(resolved);
    costs.set(resolved.request, outcome);
  }
  if ('failure' in outcome) throw outcome.failure;
  return outcome.cost;
}
