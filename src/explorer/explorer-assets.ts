import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../config/project-root';
import { CSS, JAVASCRIPT, readPackageFile, staticAsset, type StaticAsset } from '../web/static-assets';
import { EXPLORER_STYLESHEET } from './explorer-style';

export const EXPLORER_ASSETS_PATH = '/explore/assets';

/** Where `tsc -p tsconfig.explorer.json` (part of `npm run build` and `npm test`) puts the page's modules. */
export const EXPLORER_BUILD_DIR = fromProjectRoot('dist', 'explorer');

export interface ExplorerAssets {
  /** Classic scripts first (cytoscape and uPlot define globals), then the page's entry module. */
  libraries: StaticAsset[];
  entryModule: StaticAsset;
  /** The entry's sibling modules: imported by it, never named in the page. */
  modules: StaticAsset[];
  styles: StaticAsset[];
}

/** The compiled modules, tests left out (they are built beside them, never served). */
function moduleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js') && !file.endsWith('.test.js'))
    .sort();
}

/**
 * The explorer's files, read once: cytoscape.js and uPlot from node_modules, and the page's own
 * ES modules from dist/explorer. The modules import each other as './name.js', so they share one
 * fingerprint (of them all) in their URL instead of one each. Null when the modules are not built.
 */
export function loadExplorerAssets(buildDir = EXPLORER_BUILD_DIR): ExplorerAssets | null {
  if (!existsSync(path.join(buildDir, 'main.js'))) return null;
  const files = moduleFiles(buildDir).map((file) => ({ file, body: readFileSync(path.join(buildDir, file)) }));
  const fingerprint = createHash('sha256');
  for (const { file, body } of files) fingerprint.update(file).update(body);
  const modulesPath = `${EXPLORER_ASSETS_PATH}/${fingerprint.digest('hex').slice(0, 12)}`;
  const modules = files.map(({ file, body }) => ({ url: `${modulesPath}/${file}`, contentType: JAVASCRIPT, body }));
  const asset = (name: string, body: Buffer, contentType: string) => staticAsset(EXPLORER_ASSETS_PATH, name, body, contentType);
  return {
    libraries: [
      asset('cytoscape.min.js', readPackageFile('cytoscape', 'dist/cytoscape.min.js'), JAVASCRIPT),
      asset('uPlot.iife.min.js', readPackageFile('uplot', 'dist/uPlot.iife.min.js'), JAVASCRIPT),
    ],
    entryModule: modules.find((module) => module.url.endsWith('/main.js'))!,
    modules,
    styles: [
      asset('uPlot.min.css', readPackageFile('uplot', 'dist/uPlot.min.css'), CSS),
      asset('explorer.css', Buffer.from(EXPLORER_STYLESHEET), CSS),
    ],
  };
}
