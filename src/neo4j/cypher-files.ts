import { readFileSync, readdirSync } from 'node:fs';
import { fromProjectRoot } from '../config/project-root';

const cache = new Map<string, string>();

/** A line `// include: <path under cypher/>` stands for that file's text: a part several queries share. */
const INCLUDE = /^[ \t]*\/\/ include: (\S+)[ \t]*$/gm;

/**
 * The text of cypher/<relativePath>, read once: repositories keep their Cypher in .cypher files.
 * Included parts are put in place, with their comment lines dropped.
 */
export function readCypher(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(fromProjectRoot('cypher', relativePath), 'utf8').replace(INCLUDE, (_line, included: string) =>
      readCypher(included)
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trimEnd(),
    );
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
