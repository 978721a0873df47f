import { readFileSync, readdirSync } from 'node:fs';
import { fromProjectRoot } from '../config/project-root';

const cache = new Map<string, string>();

/** The text of cypher/<relativePath>, read once: repositories keep their Cypher in .cypher files. */
export function readCypher(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(fromProjectRoot('cypher', relativePath), 'utf8');
    cache.set(relativePath, text);
  }
  return text;
}

/** File names of a cypher/ folder, in the order their numeric prefixes give. */
export function listCypherFiles(folder: string): string[] {
  return readdirSync(fromProjectRoot('cypher', folder))
    .filter((name) => name.endsWith('.cypher'))
    .sort();
}

/** Splits a file of several statements on the semicolons that end a line; drops comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
