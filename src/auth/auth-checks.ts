import type { AuthChecker, MiddlewareFn } from 'type-graphql';
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
 * Runs on every root Query field: bad credentials fail even where reads are open, and with
 * READS_REQUIRE_KEY reads need a key of either role.
 */
export function readAccess(readsRequireKey: boolean): MiddlewareFn<GraphQLContext> {
  return async ({ context, info }, next) => {
    if (info.parentType.name === 'Query') {
      if (context.viewer.credentialError) throw context.viewer.credentialError;
      if (readsRequireKey && context.viewer.role === 'anonymous') throw new UnauthenticatedError();
    }
    return next();
  };
}
