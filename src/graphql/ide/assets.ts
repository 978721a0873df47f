import { CSS, JAVASCRIPT, readPackageFile, staticAsset, type StaticAsset } from '../../web/static-assets';
import { IDE_STYLESHEET, START_GRAPHIQL_SCRIPT } from './browser-files';

export const IDE_ASSETS_PATH = '/ide/assets';

const asset = (name: string, body: Buffer, contentType: string) => staticAsset(IDE_ASSETS_PATH, name, body, contentType);

export interface IdeAssets {
  /** In load order: GraphiQL's UMD build expects window.React and window.ReactDOM. */
  scripts: StaticAsset[];
  styles: StaticAsset[];
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
