import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SeedGraph } from './seed.types';

/**
 * The repository root, found by walking up to package.json, so the same code works from
 * src/seed (ts-jest) and from dist/src/seed (compiled).
 */
function repositoryRoot(): string {
  let directory = __dirname;
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`No package.json above ${__dirname}`);
    directory = parent;
  }
  return directory;
}

const SEED_DIRECTORY = join(repositoryRoot(), 'cypher', 'seed');

export function readSeedGraph(): SeedGraph {
  return JSON.parse(readFileSync(join(SEED_DIRECTORY, 'graph.json'), 'utf8')) as SeedGraph;
}

/** Each article's full text, keyed by article id. */
export function readArticleTexts(graph: SeedGraph): Map<string, string> {
  return new Map(
    graph.articles.map((article) => [article.id, readFileSync(join(SEED_DIRECTORY, 'articles', article.file), 'utf8')]),
  );
}
