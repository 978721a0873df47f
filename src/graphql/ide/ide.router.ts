import express, { type Request } from 'express';
import { loadIdeAssets } from './assets';
import { loadExampleTabs } from './examples';
import { ideConfig, renderIdePage } from './page';

export interface IdeRouterOptions {
  /** Path of the GraphQL endpoint: the IDE is served there to browsers and posts queries there. */
  endpoint: string;
}

/**
 * Same-origin only: the page, its scripts and styles, and the queries it sends. The fonts of
 * GraphiQL's stylesheet are data: URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
      .set({
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        // A fresh page picks up new asset URLs after an upgrade; the assets themselves are cached.
        'Cache-Control': 'no-cache',
        Vary: 'Accept',
        'X-Content-Type-Options': 'nosniff',
      })
      .type('html')
      .send(page);
  });

  for (const asset of [...assets.scripts, ...assets.styles]) {
    router.get(asset.url, (_request, response) => {
      response
        .set({
          'Content-Type': asset.contentType,
          'Cache-Control': 'public, max-age=31536000, immutable',
          'X-Content-Type-Options': 'nosniff',
        })
        .send(asset.body);
    });
  }

  return router;
}
