import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import type { AddressInfo } from 'node:net';
import { childSettings, reportFailure, reportReady, stopOnSignal } from './child';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql-typedefs';

/**
 * A server built with @neo4j/graphql 7 on the same database: the library's generated API over
 * our labels and relationship types, served by the same Apollo Server 5 + Express 5 stack as
 * the service so that the difference is the library, not the HTTP layer.
 */
async function main() {
  const { neo4jUri, neo4jUsername, neo4jPassword, port } = childSettings();
  const driver = neo4j.driver(neo4jUri, neo4j.auth.basic(neo4jUsername, neo4jPassword), { maxConnectionPoolSize: 100, userAgent: 'bench-neo4j-graphql' });
  const library = new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs(), driver });
  // Fails unless the database has APOC's functions the library relies on (apoc.util.validatePredicate, ...).
  await library.checkNeo4jCompat();
  const schema = await library.getSchema();
  const apollo = new ApolloServer({ schema, introspection: false });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  stopOnSignal(async () => {
    server.close();
    await apollo.stop();
    await driver.close();
  });
  reportReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
}

main().catch(reportFailure);
