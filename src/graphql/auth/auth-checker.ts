import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../../errors';
import type { RequestContext } from '../context';
import type { Role } from './viewer';

/** TypeGraphQL's @Authorized check: it throws our typed errors, so clients get stable codes. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (viewer.credentialError) throw viewer.credentialError;
  if (viewer.role === 'anonymous') throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(viewer.role)) {
    throw new ForbiddenError(`This operation needs the ${roles.join(' or ')} role; your key is a ${viewer.role} key`);
  }
  return true;
};
