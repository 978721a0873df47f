import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../config/project-root';
import type { SeedGraph } from './seed.types';

// Paths start at the project root, not __dirname, so they hold from src/ (ts-jest) and dist/src/ (tsc).

/** The curated graph of the corpus, cypher/seed/graph.json. */
export function readSeedGraph(): SeedGraph {
  return JSON.parse(readFileSync(fromProjectRoot('cypher', 'seed', 'graph.json'), 'utf8')) as SeedGraph;
}

/** Each article's full text, keyed by article id, from cypher/seed/articles/. */
export function readArticleTexts(graph: SeedGraph): Map<string, string> {
  return new Map(
    graph.articles.map((article) => [
      article.id,
      readFileSync(fromProjectRoot('cypher', 'seed', 'articles', article.file), 'utf8'),
    ]),
  );
}

/** Bumped when the way the seed is loaded changes what it writes, though its files do not. */
const SEED_FORMAT = 3;

/**
 * A digest of everything a seed load reads: the curated graph, the quotations, the article
 * texts and the Cypher of the load. A database records the fingerprint of the seed it holds,
 * so `npm start` knows when the seed has changed since (see seedState).
 */
export function seedFingerprint(graph: SeedGraph): string {
  const files = [
    ['cypher', 'seed', 'graph.json'],
    ['cypher', 'seed', 'quotations.json'],
    ['cypher', 'seed', 'load-seed.cypher'],
    ['cypher', 'seed', 'relation-provenance.cypher'],
    ['cypher', 'seed', 'sweep.cypher'],
    ...graph.articles.map((article) => ['cypher', 'seed', 'articles', article.file]),
  ];
  const hash = createHash('sha256').update(`format ${SEED_FORMAT}\n`);
  for (const file of files) hash.update(`${file.join('/')}\n`).update(readFileSync(fromProjectRoot(...file)));
  return hash.digest('hex').slice(0, 16);
}
