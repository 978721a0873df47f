import { isInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { articleResolvers } from '../article';
import { datasetResolvers } from '../dataset';
import { entityResolvers } from '../entity';
import { graphResolvers } from '../graph';
import { historyResolvers } from '../history';
import { ingestionResolvers } from '../ingestion';
import { validateArgument } from '../graphql/argument-validation';
import { authChecker } from '../graphql/auth/auth-checker';
import { DateScalar } from '../graphql/scalars';
import { Quotation, quotationResolvers } from '../quotation';
import { reconciliationResolvers } from '../reconciliation';
import { relationResolvers } from '../relation';
import { quotationFieldsOfHits, searchResolvers } from '../search';
import { statisticResolvers } from '../statistic';

/** Every domain's resolvers: the whole API. */
export const RESOLVERS = [
  ...entityResolvers,
  ...articleResolvers,
  ...relationResolvers,
  ...statisticResolvers,
  ...searchResolvers,
  // The quotation domain uses the search domain, so search's hits get their quotations' type here.
  ...quotationFieldsOfHits(Quotation),
  ...graphResolvers,
  ...quotationResolvers,
  ...ingestionResolvers,
  ...datasetResolvers,
  ...reconciliationResolvers,
  ...historyResolvers,
] as const;

/**
 * TypeGraphQL wraps every interface's resolveType in an async function, although ours answer at
 * once (a kind names its type): graphql-js then waits for a promise per entity of an answer (an
 * entity and its relations' ends: 41 waits; a neighbourhood: 200). The interfaces get their own
 * functions back, which return a type's name.
 */
function withSynchronousTypeResolution(schema: GraphQLSchema): GraphQLSchema {
  for (const { name, resolveType } of getMetadataStorage().interfaceTypes) {
    const type = schema.getType(name);
    if (resolveType && isInterfaceType(type)) type.resolveType = resolveType as GraphQLTypeResolver<unknown, unknown>;
  }
  return schema;
}

export async function buildBorderKgSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateScalar }],
    // Every implementing type is listed by its interface resolvers; orphans would hide nothing.
    orphanedTypes: [],
    // class-validator's rules on arguments and inputs, as TypeGraphQL's `validate` option checks them, cheaper per request.
    validateFn: validateArgument,
  });
  return withSynchronousTypeResolution(schema);
}

/** The SDL committed as schema/schema.graphql: sorted, so the file changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
