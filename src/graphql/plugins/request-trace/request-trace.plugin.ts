import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../../context';

/**
 * Completes and reports the request's trace: once the operation is known its name tags every
 * transaction the request runs (Neo4j's SHOW TRANSACTIONS and query log name it), and the
 * response's X-Cypher-Round-Trips header says how many Cypher queries it cost, which makes N+1
 * patterns visible to clients and tests.
 */
export const requestTracePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        contextValue.trace.operationName = operation?.name?.value ?? null;
      },
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set('x-cypher-round-trips', String(contextValue.trace.roundTrips));
      },
    };
  },
};
