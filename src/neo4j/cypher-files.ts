import { readFileSync, readdirSync } from 'node:fs';
import { fromProjectRoot } from '../config/project-root';

/**
 * Which form of a query to read: a flag keeps or drops the lines of its `// if:` blocks, a text
 * or number fills its `{{name}}` places. Only values the code chose go into a query's text,
 * never a client's input, which goes in parameters.
 */
export type CypherVariant = Readonly<Record<string, boolean | string | number>>;

/** A line `// include: <path under cypher/>` stands for that file's text, read in the same variant. */
const INCLUDE_LINE = /^\/\/ include: (\S+)$/;
/** `{{include <path> name=value ...}}` stands for that file's text in the same variant, with those values added. */
const INCLUDE_INLINE = /\{\{include (\S+)((?: \w+=\w+)*)\}\}/g;
const PLACE = /\{\{(\w+)\}\}/g;
/** `// if: flag`, `// if not: flag` or `// if: name = value`; then lines, an optional `// else` and lines, and `// end if`. */
const IF = /^\/\/ if( not)?: (\w+)(?: = (\w+))?$/;

function variantValue(variant: CypherVariant, name: string, file: string): boolean | string | number {
  const value = variant[name];
  if (value === undefined) throw new Error(`cypher/${file} needs "${name}" in its variant`);
  return value;
}

function holds(condition: RegExpExecArray, variant: CypherVariant, file: string): boolean {
  const [, negated, name, expected] = condition;
  const value = variantValue(variant, name!, file);
  if (expected === undefined && typeof value !== 'boolean') throw new Error(`cypher/${file}: "${name}" is no flag`);
  const met = expected === undefined ? value === true : String(value) === expected;
  return negated ? !met : met;
}

interface OpenBlock {
  /** Whether the lines of the branch being read are kept. */
  keeps: boolean;
  /** Whether the block's condition held. */
  held: boolean;
  /** Whether its `// else` was read. */
  inElse: boolean;
}

/** The lines the variant keeps, includes put in place; without comment lines, blank lines and indentation. */
function selectLines(text: string, variant: CypherVariant, file: string): string[] {
  const kept: string[] = [];
  const open: OpenBlock[] = [];
  const keeping = () => open.every((block) => block.keeps);
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const condition = IF.exec(line);
    if (condition) {
      const held = holds(condition, variant, file);
      open.push({ keeps: keeping() && held, held, inElse: false });
    } else if (line === '// else' || line === '// end if') {
      const block = open.at(-1);
      if (!block || (line === '// else' && block.inElse)) throw new Error(`cypher/${file}: "${line}" without its "// if:"`);
      if (line === '// end if') open.pop();
      else {
        open.pop();
        open.push({ keeps: keeping() && !block.held, held: block.held, inElse: true });
      }
    } else if (keeping()) {
      const include = INCLUDE_LINE.exec(line);
      if (include) kept.push(...readCypher(include[1]!, variant).split('\n'));
      else if (line !== '' && !line.startsWith('//')) kept.push(line);
    }
  }
  if (open.length > 0) throw new Error(`cypher/${file}: an "// if:" without its "// end if"`);
  return kept;
}

function fillIn(line: string, variant: CypherVariant, file: string): string {
  return line
    .replace(INCLUDE_INLINE, (_whole, included: string, assignments: string) => {
      const added = Object.fromEntries(assignments.trim().split(/\s+/).filter(Boolean).map((assignment) => assignment.split('=')));
      return readCypher(included, { ...variant, ...added }).split('\n').join(' ');
    })
    .replace(PLACE, (_whole, name: string) => {
      const value = variantValue(variant, name, file);
      if (typeof value === 'boolean') throw new Error(`cypher/${file}: the flag "${name}" cannot fill a place`);
      return String(value);
    });
}

const cache = new Map<string, string>();

/**
 * The text of cypher/<relativePath> in the given variant, read once per variant: repositories
 * keep their Cypher in .cypher files. What is sent is only what Neo4j runs: comments, blank lines
 * and indentation are dropped, and a variant leaves out the parts its operation does not need.
 * The length matters: neo4j-driver writes a query to the socket in pieces of 1,400 bytes, one
 * system call each, and Neo4j plans every branch a query's text holds, taken or not.
 */
export function readCypher(relativePath: string, variant: CypherVariant = {}): string {
  // Runs for every query a request sends, so the key is not sorted: a repository builds its
  // variants in one order, and another order would only keep the same text twice.
  const key = `${relativePath} ${JSON.stringify(variant)}`;
  let text = cache.get(key);
  if (text === undefined) {
    const source = readFileSync(fromProjectRoot('cypher', relativePath), 'utf8');
    text = selectLines(source, variant, relativePath)
      .map((line) => fillIn(line, variant, relativePath))
      .join('\n');
    cache.set(key, text);
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
