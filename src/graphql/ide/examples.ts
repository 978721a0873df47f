import { readFileSync } from 'node:fs';
import {
  Kind,
  parse,
  TokenKind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { fromProjectRoot } from '../../config/project-root';

/** One tab of the IDE, in the shape of GraphiQL's `defaultTabs`: its editors hold text. */
export interface IdeTab {
  query: string;
  variables?: string;
  headers?: string;
}

/**
 * What an example needs besides its text, from schema/examples.variables.json: an object
 * keyed by operation name, each entry with optional `variables` (the JSON the Variables pane
 * opens with) and `headers` (string values, e.g. an Authorization placeholder).
 */
export interface ExampleInputs {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export const EXAMPLES_FILE = fromProjectRoot('schema', 'examples.graphql');
export const EXAMPLE_INPUTS_FILE = fromProjectRoot('schema', 'examples.variables.json');

/** Reads both example files; a malformed one throws here, at startup, not in a browser. */
export function loadExampleTabs(): IdeTab[] {
  const inputs = parseExampleInputs(JSON.parse(readFileSync(EXAMPLE_INPUTS_FILE, 'utf8')) as unknown);
  return exampleTabs(readFileSync(EXAMPLES_FILE, 'utf8'), inputs);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseExampleInputs(json: unknown): Record<string, ExampleInputs> {
  if (!isPlainObject(json)) throw new Error(`${EXAMPLE_INPUTS_FILE}: expected an object keyed by operation name`);
  const inputs: Record<string, ExampleInputs> = {};
  for (const [operationName, entry] of Object.entries(json)) {
    const where = `${EXAMPLE_INPUTS_FILE}: ${operationName}`;
    if (!isPlainObject(entry)) throw new Error(`${where}: expected an object with variables and/or headers`);
    const { variables, headers, ...unknown } = entry;
    const unknownKeys = Object.keys(unknown);
    if (unknownKeys.length > 0) throw new Error(`${where}: unknown keys ${unknownKeys.join(', ')}`);
    if (variables !== undefined && !isPlainObject(variables)) throw new Error(`${where}: variables must be an object`);
    if (headers !== undefined && !(isPlainObject(headers) && Object.values(headers).every((v) => typeof v === 'string'))) {
      throw new Error(`${where}: headers must map names to strings`);
    }
    inputs[operationName] = { variables, headers: headers as Record<string, string> | undefined };
  }
  return inputs;
}

/**
 * The source text of a definition with the comment lines directly above it (no blank line
 * between), so a tab keeps the sentence that says what its operation is for.
 */
function textWithLeadingComments(source: string, node: ASTNode): string {
  const location = node.loc!;
  let first = location.startToken;
  while (first.prev?.kind === TokenKind.COMMENT && first.prev.line === first.line - 1) first = first.prev;
  return source.slice(first.start, location.end);
}

function fragmentSpreadNames(node: ASTNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

/** The fragments an operation uses, directly or through other fragments, in file order. */
function fragmentsUsedBy(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Set<string>();
  const pending = fragmentSpreadNames(operation);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`${operation.name?.value} uses fragment ${name}, which the examples do not define`);
    used.add(name);
    pending.push(...fragmentSpreadNames(fragment));
  }
  return document.definitions.filter(
    (definition): definition is FragmentDefinitionNode =>
      definition.kind === Kind.FRAGMENT_DEFINITION && used.has(definition.name.value),
  );
}

/** Splits an examples document into self-contained tabs: each operation with its fragments. */
export function exampleTabs(source: string, inputs: Record<string, ExampleInputs>): IdeTab[] {
  const document = parse(source);
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }

  const operationNames = operations.map((operation) => {
    if (!operation.name) throw new Error('Every example operation needs a name: its tab and inputs are found by it');
    return operation.name.value;
  });
  const strayInputs = Object.keys(inputs).filter((name) => !operationNames.includes(name));
  if (strayInputs.length > 0) throw new Error(`Example inputs name no operation: ${strayInputs.join(', ')}`);

  return operations.map((operation, index) => {
    const definitions = [operation, ...fragmentsUsedBy(operation, document, fragments)];
    const tab: IdeTab = {
      query: `${definitions.map((definition) => textWithLeadingComments(source, definition)).join('\n\n')}\n`,
    };
    const { variables, headers } = inputs[operationNames[index]!] ?? {};
    if (variables) tab.variables = JSON.stringify(variables, null, 2);
    if (headers) tab.headers = JSON.stringify(headers, null, 2);
    return tab;
  });
}
