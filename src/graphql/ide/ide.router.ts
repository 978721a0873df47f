import express, { type Request } from 'express';
import { pageHeaders, sameOriginContentSecurityPolicy, serveAssets } from '../../web/static-assets';
import { loadIdeAssets } from './assets';
import { loadExampleTabs } from './examples';
import { ideConfig, renderIdePage } from './page';

export interface IdeRouterOptions {
  /** Path of the GraphQL endpoint: the IDE is served there to browsers and posts queries there. */
  endpoint: string;
}

/** The fonts of GraphiQL's stylesheet are data: URLs. */
const CONTENT_SECURITY_POLICY = sameOriginContentSecurityPolicy({ fontSrc: 'data:', imgSrc: 'data:' });

/** The media types of GraphQL over HTTP responses, before HTML: a tie goes to GraphQL. */
const NEGOTIATED_TYPES = ['application/json', 'application/graphql-response+json', 'text/html'];

/**
 * A browser navigating to the endpoint, as opposed to a GraphQL-over-HTTP GET (which carries
 * a query parameter) or a client asking for JSON. Browsers rank text/html above everything
 * else; a client that accepts anything (Accept: *\/*) gets Apollo's JSON.
 */
function isBrowserNavigation(request: Request): boolean {
  return request.query.query === undefined && request.accepts(NEGOTIATED_TYPES) === 'text/html';
}

/**
 * GraphiQL at GET {endpoint} for browsers, opened with the operations of
 * schema/examples.graphql, and the files it needs under /ide/assets. Everything is read once,
 * here; other requests to the endpoint pass through to the GraphQL server.
 */
export function ideRouter({ endpoint }: IdeRouterOptions): express.Router {
  const assets = loadIdeAssets();
  const page = renderIdePage(assets, ideConfig(endpoint, loadExampleTabs()));
  const router = express.Router();

  router.get(endpoint, (request, response, next) => {
    if (!isBrowserNavigation(request)) return next();
    response
      .set({ ...pageHeaders(CONTENT_SECURITY_POLICY), Vary: 'Accept' })
      .type('html')
      .send(page);
  });
  serveAssets(router, [...assets.scripts, ...assets.styles]);

  return router;
}
