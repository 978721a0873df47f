import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/** A file a page loads, held in memory and served under a content-addressed URL. */
export interface StaticAsset {
  /** e.g. /ide/assets/3f2a9c1b7d4e/graphiql.min.js */
  url: string;
  contentType: string;
  body: Buffer;
}

export const JAVASCRIPT = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';

/**
 * The folder of an installed package. Packages' "exports" hide most files from require.resolve
 * (React's umd/ folder; cytoscape hides even its package.json), so the folder is found from its
 * main entry, going up to the package.json that names it.
 */
function packageFolder(packageName: string): string {
  for (let dir = path.dirname(require.resolve(packageName)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === packageName) return dir;
  }
  throw new Error(`no package.json of ${packageName} above its main entry`);
}

/** Reads a file of an installed package. */
export function readPackageFile(packageName: string, file: string): Buffer {
  return readFileSync(path.join(packageFolder(packageName), file));
}

/** The asset under `${basePath}/<fingerprint>/${name}`: the URL changes with the content, so a browser may keep each version for a year. */
export function staticAsset(basePath: string, name: string, body: Buffer, contentType: string): StaticAsset {
  const fingerprint = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `${basePath}/${fingerprint}/${name}`, contentType, body };
}

/** Same-origin pages: their own scripts, styles and queries, no inline script, no frames, no forms. */
export function sameOriginContentSecurityPolicy(extra: { fontSrc?: string; imgSrc?: string } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `font-src 'self'${extra.fontSrc ? ` ${extra.fontSrc}` : ''}`,
    `img-src 'self'${extra.imgSrc ? ` ${extra.imgSrc}` : ''}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Serves each asset at its URL, cached for a year (the URL names the content). */
export function serveAssets(router: express.Router, assets: readonly StaticAsset[]): void {
  for (const asset of assets) {
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
}

/** The headers of an HTML page: its policy, no caching of the page itself (it names the assets' versions). */
export function pageHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    // A fresh page picks up new asset URLs after an upgrade; the assets themselves are cached.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * JSON inside a <script> element ends at the first "</script": escaping every "<" (as JSON
 * allows) keeps a value such as "Bearer <your editor key>" from closing it early.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
