import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { loadExampleTabs } from './examples';
import { ideRouter } from './ide.router';
import type { IdeConfig } from './page';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
/** What the stand-in for Apollo answers, so a test can tell that the router called next(). */
const FELL_THROUGH = 'fell through to the GraphQL server';

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const app = express();
  app.use(ideRouter({ endpoint: '/graphql' }));
  app.use((_request, response) => void response.status(418).send(FELL_THROUGH));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string, accept: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: { Accept: accept } });
}

async function idePage(): Promise<string> {
  const response = await get('/graphql', BROWSER_ACCEPT);
  expect(response.status).toBe(200);
  return response.text();
}

function configOf(page: string): IdeConfig {
  const json = /<script type="application\/json" id="border-kg-ide-config">(.*?)<\/script>/s.exec(page)?.[1];
  return JSON.parse(json!) as IdeConfig;
}

/** Every URL the page loads from the server (the empty data: favicon needs no request). */
function assetUrlsOf(page: string): string[] {
  return [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!).filter((url) => !url.startsWith('data:'));
}

describe('ideRouter', () => {
  it('serves GraphiQL to a browser at the endpoint, forbidding inline scripts and foreign hosts', async () => {
    const response = await get('/graphql', BROWSER_ACCEPT);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('vary')).toContain('Accept');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const page = await response.text();
    expect(page).toContain('<div id="graphiql">');
    expect(page).not.toMatch(/<script>|<script (?!src=|type="application\/json")/);
  });

  it('opens with one tab per example operation, posting to the endpoint', async () => {
    const config = configOf(await idePage());
    expect(config.endpoint).toBe('/graphql');
    expect(config.tabs).toEqual(loadExampleTabs());
    expect(config.tabs[0]!.query).toContain('query SearchMounties');
    expect(config.tabs.find((tab) => tab.query.includes('mutation UpsertEntityAsEditor'))?.headers).toContain(
      'Bearer <your editor key>',
    );
  });

  it('escapes "<" in the inline config, so no example can close its script element', async () => {
    const page = await idePage();
    expect(page).toContain('Bearer \\u003cyour editor key>');
    expect(page).not.toContain('<your editor key>');
  });

  it('serves every asset the page references, with its content type and a year of caching', async () => {
    const urls = assetUrlsOf(await idePage());
    expect(urls.map((url) => url.split('/').pop())).toEqual([
      'graphiql.min.css',
      'ide.css',
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      'start-graphiql.js',
    ]);
    for (const url of urls) {
      expect(url).toMatch(/^\/ide\/assets\/[0-9a-f]{12}\//);
      const response = await get(url, '*/*');
      const expectedType = url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
      expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({
        url,
        status: 200,
        type: expectedType,
      });
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it.each([
    ['a GraphQL-over-HTTP GET from a browser', '/graphql?query={__typename}', BROWSER_ACCEPT],
    ['a client asking for JSON', '/graphql', 'application/json'],
    ['a client accepting anything', '/graphql', '*/*'],
    ['a client preferring GraphQL responses', '/graphql', 'application/graphql-response+json, text/html;q=0.5'],
    ['an asset of another version', '/ide/assets/000000000000/graphiql.min.js', '*/*'],
  ])('passes %s on to the GraphQL server', async (_case, path, accept) => {
    const response = await get(path, accept);
    expect(response.status).toBe(418);
    expect(await response.text()).toBe(FELL_THROUGH);
  });

  it('passes POSTs to the endpoint on to the GraphQL server', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { Accept: BROWSER_ACCEPT, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(418);
  });
});
