import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Config } from '../../config/config';
import { QueryLimitError, type QueryLimit } from '../../errors';
import { costLimitPlugin } from '../plugins/cost-limit/cost-limit.plugin';
import { hideSuggestionsPlugin } from '../plugins/hide-suggestions/hide-suggestions.plugin';

export type QueryLimits = Config['limits'];

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
