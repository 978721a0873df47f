import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface CompiledExecutionOptions {
  /** Runs of a document in graphql-js before it is compiled; 0: compiled at its first run. */
  compileAfterRuns: number;
}

/** One operation of one document: how often it has run, and its compiled form once it has one. */
interface OperationRuns {
  runs: number;
  /** null: graphql-jit could not compile it, so graphql-js runs it every time. */
  compiled?: CompiledQuery | null;
}

/**
 * graphql-jit leaves an error's `extensions` undefined unless the error it wraps has some (a
 * failure of our own code, a non-null field given null), where graphql-js gives {}. Apollo
 * Server and formatError read `extensions.code` of every error: such an error is made again the
 * way graphql-js makes it, with the same message, locations, path and original error.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const remade = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  // graphql-js works locations out from nodes, which graphql-jit's errors do not keep.
  Object.defineProperty(remade, 'locations', { value: error.locations, enumerable: true });
  return remade;
}

/**
 * Runs operations the way graphql-js would, but from code graphql-jit compiles for each
 * document. graphql-js walks the document anew for every request, about a microsecond per
 * field, and an entity with a page of 20 relations answers some 200 fields: measured outside
 * the service, A's document took 117-152 µs in graphql-js and 6-8 µs compiled (bench/README.md).
 *
 * A document is compiled only after it has run `compileAfterRuns` times in graphql-js:
 * compiling costs far more than one run, and a document sent once (typed in the IDE, or made up
 * per request) would pay it for nothing. The compiled forms live as long as Apollo Server's
 * store keeps the parsed document (a WeakMap on it), so they are bounded as that store is.
 */
export function compiledExecutor(schema: GraphQLSchema, { compileAfterRuns }: CompiledExecutionOptions): GatewayExecutor {
  const operationsByDocument = new WeakMap<DocumentNode, Map<string, OperationRuns>>();

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null | undefined => {
    let operations = operationsByDocument.get(document);
    if (!operations) operationsByDocument.set(document, (operations = new Map()));
    const key = operationName ?? '';
    let operation = operations.get(key);
    if (!operation) operations.set(key, (operation = { runs: 0 }));
    if (operation.compiled !== undefined) return operation.compiled;
    if (operation.runs < compileAfterRuns) {
      operation.runs += 1;
      return undefined;
    }
    const compiled = compileQuery(schema, document, operationName);
    operation.compiled = isCompiledQuery(compiled) ? compiled : null;
    return operation.compiled;
  };

  return async ({ document, request, context }) => {
    const compiled = compiledFor(document, request.operationName);
    if (compiled) {
      const result: ExecutionResult = await compiled.query(undefined, context, request.variables);
      // Only variables graphql-jit cannot coerce leave an answer without data: graphql-js
      // answers those, so that their messages, and Apollo's BAD_USER_INPUT that reads them,
      // are the ones graphql-js gives.
      if ('data' in result) return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
    }
    return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName });
  };
}

/**
 * The compiled executor's way into Apollo Server 5, which has no option for an executor of
 * one's own: a gateway, whose executor Apollo Server calls after parsing, validating and every
 * plugin's didResolveOperation, just where it would call graphql-js. The schema never changes.
 */
export function compiledExecutionGateway(schema: GraphQLSchema, options: CompiledExecutionOptions): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { executor: compiledExecutor(schema, options) };
    },
    async stop() {},
  };
}
