import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../../errors';
import type { RequestContext } from '../../context';

/** One GraphQL request (one operation of a batch) as the metrics plugin observed it. */
export interface ObservedGraphQLRequest {
  /** Undefined when no operation was chosen (unparsable, invalid); null for an unnamed one. */
  operationName: string | null | undefined;
  /** Sent with a valid API key: names sent without one get fewer label values. */
  withKey: boolean;
  /** The `extensions.code` of every error sent, in order. */
  errorCodes: string[];
  durationSeconds: number;
}

/** Where the plugin reports; the HTTP layer's Prometheus registry implements it. */
export interface GraphQLRequestRecorder {
  recordRequest(request: ObservedGraphQLRequest): void;
  /** A request refused before the GraphQL pipeline started (CSRF prevention, no query). */
  recordRefusedRequest(code: string): void;
}

/** Counts each GraphQL request with its outcome and latency. */
export function metricsPlugin(recorder: GraphQLRequestRecorder): ApolloServerPlugin<RequestContext> {
  return {
    invalidRequestWasReceived: async () => recorder.recordRefusedRequest(ErrorCode.BAD_REQUEST),
    requestDidStart: async () => {
      const start = performance.now();
      return {
        willSendResponse: async ({ response, operation, operationName, contextValue }) => {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          recorder.recordRequest({
            operationName: operation ? (operationName ?? null) : undefined,
            withKey: contextValue.viewer.role !== 'anonymous',
            errorCodes: errors.map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)),
            durationSeconds: (performance.now() - start) / 1000,
          });
        },
      };
    },
  };
}
