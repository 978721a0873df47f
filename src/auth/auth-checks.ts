import type { ApolloServerPlugin } from '@apollo/server';
import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import type { Role } from './viewer';

/** TypeGraphQL's @Authorized check: it throws our typed errors, so clients get stable codes. */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (viewer.credentialError) throw viewer.credentialError;
  if (viewer.role === 'anonymous') throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(viewer.role)) {
    throw new ForbiddenError(`This operation needs the ${roles.join(' or ')} role; your key is a ${viewer.role} key`);
  }
  return true;
};

/**
 * Checks credentials once per request, before anything resolves: bad credentials fail even
 * where reads are open, and with READS_REQUIRE_KEY reads need a key of either role. A plugin
 * rather than a field middleware, so that fields resolve without an extra wrapper each.
 */
export function readAccessPlugin(readsRequireKey: boolean): ApolloServerPlugin<GraphQLContext> {
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
