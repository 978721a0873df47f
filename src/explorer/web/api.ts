/*
 * The explorer's only way to the data: POSTs to the public GraphQL endpoint, as any client
 * would. Errors come back as ApiError with the API's stable code, for the page to show.
 */

export class ApiError extends Error {
  constructor(
    message: string,
    /** The API's extensions.code (e.g. BAD_USER_INPUT, QUERY_TOO_COMPLEX), or HTTP_<status> / NETWORK. */
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A client of the endpoint; requests carry no credentials but the page's own origin. */
export function graphqlClient(endpoint: string): <T>(query: string, variables?: Record<string, unknown>) => Promise<T> {
  return async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('The service did not answer: is it still running?', 'NETWORK');
    }
    let body: GraphQLResponse<T>;
    try {
      body = (await response.json()) as GraphQLResponse<T>;
    } catch {
      throw new ApiError(`The service answered ${response.status} without a GraphQL response.`, `HTTP_${response.status}`);
    }
    const [error] = body.errors ?? [];
    if (error) throw new ApiError(error.message, error.extensions?.code ?? `HTTP_${response.status}`);
    if (!body.data) throw new ApiError(`The service answered ${response.status} with no data.`, `HTTP_${response.status}`);
    return body.data;
  };
}

export type GraphqlRequest = ReturnType<typeof graphqlClient>;
