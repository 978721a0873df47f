import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Config } from '../../../config/config';
import { RateLimitedError, ServerBusyError } from '../../../errors';
import type { RequestContext } from '../../context';
import { resolvedOperationCost } from '../../limits/cost';
import { Budget, type BudgetState } from './budget';
import { budgetOwner } from './budget-owner';
import { ConcurrencyGate, GateRefusal, type GatePass } from './concurrency-gate';

export type FairUseSettings = Config['fairUse'];

export interface HeavyOperationCounts {
  running: number;
  queued: number;
}

/** Where the plugin shows its queue of heavy operations; the HTTP layer's Prometheus registry implements it. */
export interface HeavyOperationWatcher {
  watchHeavyOperations(counts: () => HeavyOperationCounts): void;
}

/** Mutation fields an operation runs: each is a write, aliases and fragments included. */
function rootFieldCount(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFieldCount(selection.selectionSet, fragments);
    else {
      // Validation has refused unknown fragments and cycles before this runs.
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += rootFieldCount(fragment.selectionSet, fragments);
    }
  }
  return count;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/** GitHub's names: what a client of its GraphQL API already reads. */
function setBudgetHeaders(headers: Map<string, string>, state: BudgetState): void {
  headers.set('x-ratelimit-limit', String(state.limit));
  headers.set('x-ratelimit-remaining', String(state.remaining));
  headers.set('x-ratelimit-used', String(state.used));
  headers.set('x-ratelimit-reset', String(state.resetAt));
  headers.set('x-ratelimit-resource', state.resource);
}

/**
 * Fair use, as GitHub's and Shopify's GraphQL APIs do it. Every operation is charged its
 * estimated cost (src/graphql/limits/cost.ts) against its client's cost budget per window,
 * except an editor's mutations, which are charged one write per mutation field against the
 * key's write budget. A client is its API key, or its address without one. An operation the
 * budget cannot pay for is refused with 429, Retry-After and RATE_LIMITED, and costs nothing;
 * every answer reports the budget it drew on in X-RateLimit-* headers. Operations of at least
 * the heavy cost run a few at a time while lighter ones never wait: the others queue, and are
 * refused with 503 SERVER_BUSY (costing nothing either) when the queue is full or they waited
 * too long.
 *
 * Everything happens once the operation is resolved (its cost depends on its variables) and
 * before it runs. Apollo runs every plugin's didResolveOperation at once, so an operation
 * another plugin refuses may still be waiting here: its place is given up in willSendResponse,
 * which Apollo calls for every request, refused or not.
 */
export function fairUsePlugin(settings: FairUseSettings, maxCost: number, watcher: HeavyOperationWatcher): ApolloServerPlugin<RequestContext> {
  const costBudget = settings.costBudget > 0 ? new Budget('cost', settings.costBudget, settings.windowSeconds) : undefined;
  const writeBudget = settings.writeBudget > 0 ? new Budget('writes', settings.writeBudget, settings.windowSeconds) : undefined;
  const heavyGate =
    settings.heavyConcurrency > 0
      ? new ConcurrencyGate({ concurrency: settings.heavyConcurrency, queueSize: settings.heavyQueue, queueTimeoutMs: settings.heavyQueueTimeoutMs })
      : undefined;
  if (heavyGate) watcher.watchHeavyOperations(() => ({ running: heavyGate.running, queued: heavyGate.waiting }));
  const busyRetryAfterSeconds = Math.ceil(settings.heavyQueueTimeoutMs / 1000);

  return {
    async requestDidStart() {
      let charged: BudgetState | undefined;
      let pass: GatePass | undefined;
      return {
        async didResolveOperation(requestContext) {
          const { contextValue, operation, document } = requestContext;
          let cost: number | undefined;
          try {
            cost = resolvedOperationCost(requestContext);
          } catch {
            return; // the cost limit refuses what cannot be estimated
          }
          // Nothing to run, or over the cost limit, which refuses it: nothing to charge.
          if (!operation || cost === undefined || cost > maxCost) return;

          const owner = budgetOwner(contextValue.viewer, contextValue.clientAddress);
          const writes = contextValue.viewer.role === 'editor' && operation.operation === 'mutation';
          const budget = writes ? writeBudget : costBudget;
          const amount = writes ? rootFieldCount(operation.selectionSet, fragmentsOf(document)) : cost;
          if (budget) {
            const charge = await budget.charge(owner, amount);
            charged = charge.state;
            if (!charge.granted) {
              const { limit, remaining } = charge.state;
              const asked = writes
                ? `This operation makes ${amount} writes; ${remaining} of this key's ${limit} writes`
                : `This operation costs ${amount} points; ${remaining} of your ${limit} points`;
              throw new RateLimitedError(
                `Rate limit exceeded: ${asked} per ${settings.windowSeconds} s remain. Retry after ${charge.retryAfterSeconds} s.`,
                charge.retryAfterSeconds,
                { resource: budget.resource, limit, remaining, requested: amount },
              );
            }
          }

          if (heavyGate && cost >= settings.heavyCost) {
            try {
              pass = heavyGate.enter();
              await pass.ready;
            } catch (error) {
              if (!(error instanceof GateRefusal)) throw error;
              // Nothing ran: like a refusal of the budget, it costs nothing.
              if (budget) charged = await budget.refund(owner, amount);
              throw new ServerBusyError(
                `The server is busy with heavy operations (cost ${settings.heavyCost} or more): ${error.message}. Retry after ${busyRetryAfterSeconds} s, or ask for less.`,
                busyRetryAfterSeconds,
                { reason: error.reason, cost, heavyCost: settings.heavyCost },
              );
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          pass?.leave();
          // Answers refused before an operation was resolved report the cost budget unchanged.
          const state = charged ?? (await costBudget?.peek(budgetOwner(contextValue.viewer, contextValue.clientAddress)));
          if (state) setBudgetHeaders(response.http.headers, state);
        },
      };
    },
  };
}
