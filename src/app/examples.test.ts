import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  getVariableValues,
  Kind,
  OperationTypeNode,
  parse,
  visit,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { fromProjectRoot } from '../config/project-root';
import { relationId } from '../relation';
import { exampleTabs, loadExampleTabs, parseExampleInputs } from '../graphql/ide/examples';

/** The emitted schema, queries and mutations alike: what the IDE's tabs run against. */
const emittedSchema = buildSchema(readFileSync(fromProjectRoot('schema', 'schema.graphql'), 'utf8'));

const tabs = loadExampleTabs().map((tab) => {
  const document = parse(tab.query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return { ...tab, name: operation.name!.value, document, operation };
});

/** Every id the seed holds, relations' included, so examples cannot drift from the data. */
function seedIds(): Set<string> {
  const graph = JSON.parse(readFileSync(fromProjectRoot('cypher', 'seed', 'graph.json'), 'utf8')) as Record<
    'articles' | 'entities' | 'statistics' | 'relations',
    { id?: string; fromId?: string; type?: string; toId?: string }[]
  >;
  const ids = [...graph.articles, ...graph.entities, ...graph.statistics].map((entity) => entity.id!);
  const relationIds = graph.relations.map((relation) => relationId(relation.fromId!, relation.type!, relation.toId!));
  return new Set([...ids, ...relationIds]);
}

const ID_SHAPE = /^(article|person|organization|place|policy|event|statistic):/;

function idsIn(tab: (typeof tabs)[number]): string[] {
  const strings: string[] = [];
  visit(tab.document, { StringValue: (node) => void strings.push(node.value) });
  strings.push(...Object.values(JSON.parse(tab.variables ?? '{}') as Record<string, unknown>).map(String));
  return strings.filter((value) => ID_SHAPE.test(value));
}

describe('schema/examples.graphql', () => {
  it('offers at least ten named operations, each name once', () => {
    const names = tabs.map((tab) => tab.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(tabs.map((tab) => [tab.name, tab] as const))('%s is valid against the emitted schema, with only the fragments it uses', (_name, tab) => {
    // NoUnusedFragments and KnownFragmentNames check that the tab was split off correctly.
    expect(validate(emittedSchema, tab.document)).toEqual([]);
  });

  it.each(tabs.map((tab) => [tab.name, tab] as const))('%s opens with variables its operation accepts', (_name, tab) => {
    const given = JSON.parse(tab.variables ?? '{}') as Record<string, unknown>;
    const coerced = getVariableValues(emittedSchema, tab.operation.variableDefinitions ?? [], given);
    expect(coerced.errors ?? []).toEqual([]);
  });

  it.each(tabs.map((tab) => [tab.name, tab] as const))('%s names only ids the seed holds', (_name, tab) => {
    const known = seedIds();
    expect(idsIn(tab).filter((id) => !known.has(id))).toEqual([]);
  });

  it('asks who co-chairs the Northern Border Security Caucus through its incoming CO_CHAIRS relations', () => {
    const tab = tabs.find((candidate) => candidate.name === 'CoChairsOfNorthernBorderSecurityCaucus')!;
    expect(tab.query).toContain('entity(name: "Northern Border Security Caucus")');
    expect(tab.query).toContain('relations(filter: { types: ["CO_CHAIRS"], direction: INCOMING })');
  });

  it("sends the editor's writes with an Authorization placeholder, never a real key", () => {
    const writes = tabs.filter((tab) => tab.operation.operation === OperationTypeNode.MUTATION);
    expect(writes.map((tab) => tab.name)).toEqual(['UpsertEntityAsEditor', 'ProposeFromArticle']);
    for (const write of writes) expect(JSON.parse(write.headers!)).toEqual({ Authorization: 'Bearer <your editor key>' });
  });

  it('keeps the comment lines above an operation in its tab, and not the file header', () => {
    const search = tabs.find((tab) => tab.name === 'SearchMounties')!;
    expect(search.query.startsWith('# Full-text search: "Mounties" is an alias')).toBe(true);
  });
});

describe('exampleTabs', () => {
  const source = [
    '# header',
    '',
    '# Finds it.',
    'query Find($id: ID!) { node(id: $id) { ...Outer } }',
    'query Plain { node(id: "x") { id } }',
    'fragment Unused on Node { id }',
    'fragment Outer on Node { ...Inner }',
    'fragment Inner on Node { id }',
  ].join('\n');

  it('gives each operation the fragments it uses, transitively, in file order', () => {
    expect(exampleTabs(source, {}).map((tab) => tab.query)).toEqual([
      [
        '# Finds it.',
        'query Find($id: ID!) { node(id: $id) { ...Outer } }',
        '',
        'fragment Outer on Node { ...Inner }',
        '',
        'fragment Inner on Node { id }',
        '',
      ].join('\n'),
      'query Plain { node(id: "x") { id } }\n',
    ]);
  });

  it('fills the Variables and Headers panes from the inputs of the same name', () => {
    const [find, plain] = exampleTabs(source, { Find: { variables: { id: 'x' }, headers: { 'X-Trace': '1' } } });
    expect(find).toMatchObject({ variables: '{\n  "id": "x"\n}', headers: '{\n  "X-Trace": "1"\n}' });
    expect(plain).toEqual({ query: expect.any(String) });
  });

  it('refuses inputs for an operation that does not exist, so a rename cannot drop them silently', () => {
    expect(() => exampleTabs(source, { Renamed: { variables: {} } })).toThrow('Example inputs name no operation: Renamed');
  });

  it('refuses anonymous operations and undefined fragments', () => {
    expect(() => exampleTabs('{ __typename }', {})).toThrow('needs a name');
    expect(() => exampleTabs('query Q { ...Missing }', {})).toThrow('uses fragment Missing');
  });
});

describe('parseExampleInputs', () => {
  it('accepts variables and string headers per operation', () => {
    expect(parseExampleInputs({ Q: { variables: { a: 1 }, headers: { Authorization: 'Bearer x' } } })).toEqual({
      Q: { variables: { a: 1 }, headers: { Authorization: 'Bearer x' } },
    });
  });

  it.each([
    ['a list', []],
    ['an unknown key', { Q: { variabels: {} } }],
    ['variables that are not an object', { Q: { variables: [1] } }],
    ['a header that is not a string', { Q: { headers: { 'X-Count': 1 } } }],
  ])('rejects %s', (_case, json) => {
    expect(() => parseExampleInputs(json)).toThrow();
  });
});
