import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDE_STYLESHEET, START_GRAPHIQL_SCRIPT } from './browser-files';

/** A file the IDE page loads, held in memory and served under a content-addressed URL. */
export interface IdeAsset {
  /** e.g. /ide/assets/3f2a9c1b7d4e/graphiql.min.js */
  url: string;
  contentType: string;
  body: Buffer;
}

export const IDE_ASSETS_PATH = '/ide/assets';

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Reads a file of an installed package. React's package.json "exports" hides its umd/ folder from
 * require.resolve, so the package is found by its package.json and the file joined to it.
 */
function readPackageFile(packageName: string, file: string): Buffer {
  return readFileSync(path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file));
}

function asset(name: string, body: Buffer, contentType: string): IdeAsset {
  // The URL changes with the content, so a browser may keep each version for a year.
  const fingerprint = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `${IDE_ASSETS_PATH}/${fingerprint}/${name}`, contentType, body };
}

export interface IdeAssets {
  /** In load order: GraphiQL's UMD build expects window.React and window.ReactDOM. */
  scripts: IdeAsset[];
  styles: IdeAsset[];
}

/**
 * GraphiQL's UMD build and the React 18 it runs on, straight from node_modules: no bundler,
 * no CDN (the machines that run this have no internet access).
 */
export function loadIdeAssets(): IdeAssets {
  return {
    scripts: [
      asset('react.production.min.js', readPackageFile('react', 'umd/react.production.min.js'), JAVASCRIPT),
      asset('react-dom.production.min.js', readPackageFile('react-dom', 'umd/react-dom.production.min.js'), JAVASCRIPT),
      asset('graphiql.min.js', readPackageFile('graphiql', 'graphiql.min.js'), JAVASCRIPT),
      asset('start-graphiql.js', Buffer.from(START_GRAPHIQL_SCRIPT), JAVASCRIPT),
    ],
    styles: [
      asset('graphiql.min.css', readPackageFile('graphiql', 'graphiql.min.css'), CSS),
      asset('ide.css', Buffer.from(IDE_STYLESHEET), CSS),
    ],
  };
}
