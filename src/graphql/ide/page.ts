import { createHash } from 'node:crypto';
import { jsonForScriptElement } from '../../web/static-assets';
import type { IdeAssets } from './assets';
import type { IdeTab } from './examples';

/** What start-graphiql.js reads from the page. */
export interface IdeConfig {
  endpoint: string;
  tabs: IdeTab[];
  /** Changes whenever the examples do; names GraphiQL's storage. */
  examplesVersion: string;
}

export function ideConfig(endpoint: string, tabs: IdeTab[]): IdeConfig {
  const examplesVersion = createHash('sha256').update(JSON.stringify(tabs)).digest('hex').slice(0, 12);
  return { endpoint, tabs, examplesVersion };
}

/** The page loads only our own assets and runs no inline script. */
export function renderIdePage(assets: IdeAssets, config: IdeConfig): string {
  const styles = assets.styles.map((style) => `    <link rel="stylesheet" href="${style.url}" />`);
  const scripts = assets.scripts.map((script) => `    <script src="${script.url}"></script>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    '    <title>border-kg GraphQL IDE</title>',
    // No favicon: without this line browsers ask for /favicon.ico and log its 404.
    '    <link rel="icon" href="data:," />',
    ...styles,
    '  </head>',
    '  <body>',
    '    <div id="graphiql">Loading the GraphQL IDE…</div>',
    `    <script type="application/json" id="border-kg-ide-config">${jsonForScriptElement(config)}</script>`,
    ...scripts,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}
