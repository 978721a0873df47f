import type { ApolloServerPlugin } from '@apollo/server';
import { UnauthenticatedError } from '../../../errors';
import type { RequestContext } from '../../context';

/**
 * Checks credentials once per request, before anything resolves: bad credentials fail even
 * where reads are open, and with READS_REQUIRE_KEY reads need a key of either role. A plugin
 * rather than a field middleware, so that fields resolve without an extra wrapper each.
 */
export function readAccessPlugin(readsRequireKey: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const { viewer } = contextValue;
          const unauthenticated = viewer.credentialError
            ?? (readsRequireKey && viewer.role === 'anonymous' && operation?.operation === 'query' ? new UnauthenticatedError() : undefined);
          if (unauthenticated) throw new UnauthenticatedError(unauthenticated.message, { http: { status: 401 } });
        },
      };
    },
  };
}
