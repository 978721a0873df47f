import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json. Code runs both from src/ (ts-jest) and from dist/src/
 * (after tsc), so paths to cypher/, schema/ and .neo4j/ are resolved from here, not __dirname.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

export function fromProjectRoot(...segments: string[]): string {
  return path.resolve(PROJECT_ROOT, ...segments);
}
