import type { ApolloServerPlugin } from '@apollo/server';
import { QueryLimitError } from '../../../errors';
import { resolvedOperationCost } from '../../limits/cost';

/**
 * Refuses operations whose estimated cost exceeds the limit. It runs once the operation is
 * resolved, because the cost depends on the request's variables (`first: $n`).
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          let cost: number | undefined;
          try {
            cost = resolvedOperationCost(requestContext);
          } catch (error) {
            throw new QueryLimitError('cost', maxCost, `The operation is too large to estimate its cost: ${(error as Error).message}`);
          }
          if (cost !== undefined && cost > maxCost) {
            throw new QueryLimitError('cost', maxCost, `Query cost limit of ${maxCost} exceeded, found ${cost}.`, { cost });
          }
        },
      };
    },
  };
}
