import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { RequestContext } from '../../context';
import { isClientSafe } from '../../format-error';

/** Logs what formatError masks, with the request id, so a client's report can be traced. */
export const errorLoggingPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (!isClientSafe(original) && !isClientSafe(error)) {
            contextValue.log.error({ err: original, path: error.path }, 'Unexpected error while resolving');
          }
        }
      },
    };
  },
};
