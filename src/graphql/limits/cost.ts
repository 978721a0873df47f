import type { GraphQLRequest } from '@apollo/server';
import {
  getNamedType,
  getVariableValues,
  isInputObjectType,
  typeFromAST,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
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

/**
 * Estimates of one operation of one document, by the values of the variables that can change
 * its cost (see sizingVariables), at most MAX_ESTIMATES_PER_OPERATION of them.
 */
interface OperationEstimates {
  sizingVariables: readonly string[];
  outcomes: Map<string, CostOutcome>;
}

/**
 * Estimates per schema, document and operation. Apollo Server hands every request with the same
 * query text the same DocumentNode (its document store, an LRU cache), so a document's estimates
 * live as long as Apollo keeps the document, and go with it.
 */
const estimates = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<OperationDefinitionNode, OperationEstimates>>>();

/** Enough for a client paging with a few sizes; a client trying every `first` from 0 to 100 only misses. */
const MAX_ESTIMATES_PER_OPERATION = 64;

/**
 * The variables whose values can change an operation's cost, whose named type is Int, Float or
 * Boolean, or an input object (lists of them included). The estimators read nothing else:
 * pageCost, neighborhoodCost and pathCost read the numeric sizes `first`, `limit`, `depth` and
 * `maxHops` (Int arguments), fieldExtensionsEstimator and simpleEstimator read no argument, and
 * graphql-query-complexity leaves out fields skipped by `@include(if:)` / `@skip(if:)` (Boolean).
 * An input object is kept, whatever its fields: cheaper than proving none of them matters. The
 * other variables (ID, String, enums, Date) cannot reach any of those, since validation only lets
 * a variable into an argument of its own type: their values need not be part of the key. An
 * estimator reading another argument must have its type added here.
 */
function sizingVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): string[] {
  return (operation.variableDefinitions ?? [])
    .filter((definition) => {
      const type = typeFromAST(schema, definition.type);
      // Validation refuses unknown types before this runs; kept anyway, on the safe side.
      if (!type) return true;
      const named = getNamedType(type);
      return named.name === 'Int' || named.name === 'Float' || named.name === 'Boolean' || isInputObjectType(named);
    })
    .map((definition) => definition.variable.name.value);
}

/**
 * The key of a request's estimate: the values of its sizing variables, which fit their types (the
 * caller checked). An absent variable (its default applies) and a null one (no default) differ;
 * undefined is null, as graphql-js coerces it. Undefined when the values have no JSON (possible
 * only in-process, e.g. an object whose toJSON throws): then the cost is estimated without the cache.
 */
function estimateKey(sizingVariableNames: readonly string[], variables: Record<string, unknown>): string | undefined {
  try {
    return JSON.stringify(sizingVariableNames.map((name) => (Object.hasOwn(variables, name) ? [variables[name] ?? null] : 0)));
  } catch {
    return undefined;
  }
}

function estimate(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): CostOutcome {
  try {
    return { cost: estimateCost(schema, document, operation.name?.value, variables) };
  } catch (error) {
    return { failure: error as Error };
  }
}

function operationEstimates(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationEstimates {
  let byDocument = estimates.get(schema);
  if (!byDocument) estimates.set(schema, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map()));
  let known = byOperation.get(operation);
  if (!known) byOperation.set(operation, (known = { sizingVariables: sizingVariables(schema, operation), outcomes: new Map() }));
  return known;
}

function estimateResolvedCost({ schema, document, operation, request }: ResolvedRequest): CostOutcome {
  // No operation to run (several, none chosen): execution says so.
  if (!operation) return { cost: undefined };
  const variables = request.variables ?? {};
  // Variables that do not fit their types are refused by execution, as BAD_USER_INPUT. This depends
  // on every variable, so it runs for every request, before the estimates keyed by some of them.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return { cost: undefined };
  const known = operationEstimates(schema, document, operation);
  const key = estimateKey(known.sizingVariables, variables);
  if (key === undefined) return estimate(schema, document, operation, variables);
  let outcome = known.outcomes.get(key);
  if (!outcome) {
    outcome = estimate(schema, document, operation, variables);
    // Oldest first out: a Map iterates in insertion order.
    if (known.outcomes.size >= MAX_ESTIMATES_PER_OPERATION) known.outcomes.delete(known.outcomes.keys().next().value!);
    known.outcomes.set(key, outcome);
  }
  return outcome;
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
