import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ArticleResolver } from '../article/article.resolver';
import { EntityResolver } from '../entity/entity.resolver';
import { MentionResolver } from '../entity/mention.resolver';
import { OrganizationResolver, PlaceResolver } from '../entity/place.resolver';
import { GraphResolver } from '../graph/graph.resolver';
import { EvidenceResolver, RelationResolver } from '../relation/relation.resolver';
import { SearchResolver } from '../search/search.resolver';
import { StatisticResolver } from '../statistic/statistic.resolver';
import { DateScalar } from './scalars';
import { authChecker } from '../auth/auth-checks';

export const RESOLVERS = [
  EntityResolver,
  PlaceResolver,
  OrganizationResolver,
  MentionResolver,
  RelationResolver,
  EvidenceResolver,
  ArticleResolver,
  StatisticResolver,
  SearchResolver,
  GraphResolver,
] as const;

export async function buildBorderKgSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateScalar }],
    // Every implementing type is listed by its interface resolvers; orphans would hide nothing.
    orphanedTypes: [],
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL committed as schema/schema.graphql: sorted, so the file changes only when the API does. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
