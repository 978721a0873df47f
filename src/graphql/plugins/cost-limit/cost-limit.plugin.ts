import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues } from 'graphql';
import { QueryLimitError } from '../../../errors';
import { estimateCost } from '../../limits/cost';

/**
 * Refuses operations whose estimated cost exceeds the limit. It runs once the operation is
 * resolved, because the cost depends on the request's variables (`first: $n`).
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No operation to run (several, none chosen): execution says so.
          if (!operation) return;
          const variables = request.variables ?? {};
          // Variables that do not fit their types are refused by execution, as BAD_USER_INPUT.
          if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
          let cost: number;
          try {
            cost = estimateCost(schema, document, operation.name?.value, variables);
          } catch (error) {
            // Fragments spread many times over can exceed the estimator's node budget.
            throw new QueryLimitError('cost', maxCost, `The operation is too large to estimate its cost: ${(error as Error).message}`);
          }
          if (cost > maxCost) {
            throw new QueryLimitError('cost', maxCost, `Query cost limit of ${maxCost} exceeded, found ${cost}.`, { cost });
          }
        },
      };
    },
  };
}
