import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
  type ComplexityEstimatorArgs,
} from 'graphql-query-complexity';
import type { Config } from '../config';
import { QueryLimitError, type QueryLimit } from '../errors';
import { MAX_PAGE_SIZE } from './pagination';

export type QueryLimits = Config['limits'];

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

/**
 * Refuses operations whose estimated cost exceeds the limit. It runs once the operation is
 * resolved, because the cost depends on the request's variables (`first: $n`).
 */
function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No operation to run (several, none chosen): execution says so.
          if (!operation) return;
          const variables = request.variables ?? {};
          // Variables that do not fit their types are refused by execution, as BAD_USER_INPUT.
          if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
          let cost: number;
          try {
            cost = estimateCost(schema, document, operation.name?.value, variables);
          } catch (error) {
            // Fragments spread many times over can exceed the estimator's node budget.
            throw new QueryLimitError('cost', maxCost, `The operation is too large to estimate its cost: ${(error as Error).message}`);
          }
          if (cost > maxCost) {
            throw new QueryLimitError('cost', maxCost, `Query cost limit of ${maxCost} exceeded, found ${cost}.`, { cost });
          }
        },
      };
    },
  };
}

/** graphql-js's suggestions, as in "Cannot query field "nam" on type "Entity". Did you mean "name"?" */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Removes suggestions from every error: they map the schema for whoever probes it. Apollo's
 * hideSchemaDetailsFromClientErrors does this for validation errors only, and variable
 * coercion suggests too ("Did you mean the enum value "PERSON"?").
 */
const hideSuggestionsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
      },
    };
  },
};

/** Reports graphql-armor's rejection as ours: code QUERY_LIMIT_EXCEEDED, naming the limit. */
function rejectAs(limit: QueryLimit, maximum: number) {
  return [
    (context: ValidationContext | null, error: GraphQLError) => {
      // Armor prefixes "Syntax Error: " although the document parsed; the rest names the count.
      context?.reportError(new QueryLimitError(limit, maximum, error.message.replace(/^Syntax Error: /, '')));
    },
  ];
}

/** graphql-js refuses a document over `maxTokens` while parsing, with this message. */
const TOKEN_LIMIT_MESSAGE = /Document contains more (?:than|that) (\d+) tokens/;

/**
 * The token limit is enforced by graphql-js's parser (cheapest: it stops reading), which
 * reports a GRAPHQL_PARSE_FAILED; this turns that report into our QUERY_LIMIT_EXCEEDED.
 */
export function asTokenLimitError(error: unknown): QueryLimitError | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== ApolloServerErrorCode.GRAPHQL_PARSE_FAILED) return undefined;
  const match = TOKEN_LIMIT_MESSAGE.exec(error.message);
  if (!match) return undefined;
  const maximum = Number(match[1]);
  return new QueryLimitError('tokens', maximum, `Token limit of ${maximum} exceeded.`);
}

/**
 * The Apollo Server options that enforce the query limits. Depth, aliases and directives are
 * graphql-armor's validation rules. Its token plugin is not used: on Apollo it answers 500
 * (graphql-armor#751), and graphql-js's own `maxTokens` parse option does the same job. Its
 * cost rule is not used either: it ignores arguments, so `first: 100` would cost what
 * `first: 1` does; graphql-query-complexity reads the `complexity` TypeGraphQL puts on fields.
 */
export function queryLimitOptions(limits: QueryLimits, { hideSchemaDetails }: { hideSchemaDetails: boolean }) {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      // Depth counts fields; a fragment is a way of writing them, not a level.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: rejectAs('depth', limits.maxDepth),
    },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: rejectAs('aliases', limits.maxAliases) },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: rejectAs('directives', limits.maxDirectives),
    },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Its pattern misses variable coercion's "Did you mean the enum value"; hideSuggestionsPlugin does not.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [costLimitPlugin(limits.maxCost), ...(hideSchemaDetails ? [hideSuggestionsPlugin] : [])],
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: limits.allowBatchedRequests,
  } satisfies Partial<ApolloServerOptions<BaseContext>>;
}
