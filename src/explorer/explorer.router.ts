import express from 'express';
import { jsonForScriptElement, pageHeaders, sameOriginContentSecurityPolicy, serveAssets } from '../web/static-assets';
import { loadExplorerAssets } from './explorer-assets';
import { renderExplorerPage, type ExplorerConfig } from './explorer.page';

export const EXPLORER_PATH = '/explore';

/** Exports are made in the page and saved through blob: URLs; the chart draws on a canvas. */
const CONTENT_SECURITY_POLICY = sameOriginContentSecurityPolicy({ imgSrc: 'data: blob:' });

/**
 * The explorer at GET /explore: a page of our own files only (no CDN, the strict policy above)
 * that talks to the public GraphQL endpoint like any client. Assets are read once, here.
 */
export function explorerRouter(config: ExplorerConfig): express.Router {
  const router = express.Router();
  const assets = loadExplorerAssets();
  if (!assets) {
    // A checkout that ran the service from source without building the page: say so, never a blank page.
    router.get(EXPLORER_PATH, (_request, response) => {
      response
        .status(503)
        .set(pageHeaders(CONTENT_SECURITY_POLICY))
        .type('text')
        .send('The explorer page is not built: run `npm run build` (npm start does), then reload.\n');
    });
    return router;
  }
  const page = renderExplorerPage(assets, jsonForScriptElement(config));
  router.get(EXPLORER_PATH, (_request, response) => {
    response.set(pageHeaders(CONTENT_SECURITY_POLICY)).type('html').send(page);
  });
  serveAssets(router, [...assets.libraries, ...assets.modules, ...assets.styles]);
  return router;
}
