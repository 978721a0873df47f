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
