import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSchema as buildSchemaFromSdl, findBreakingChanges, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { fromProjectRoot } from '../config/project-root';
import { asyncRulesOf } from '../graphql/argument-validation';
import { WRITE_OPERATIONS } from '../history';
import { buildBorderKgSchema, printSortedSchema } from './schema';

const committedSchema = () => readFileSync(fromProjectRoot('schema', 'schema.graphql'), 'utf8');
const contract = () => buildSchemaFromSdl(readFileSync(fromProjectRoot('schema', 'contract.graphql'), 'utf8'));

describe('schema/schema.graphql', () => {
  it('is what the TypeGraphQL classes emit (run `npm run schema` when this fails)', async () => {
    expect(committedSchema()).toBe(printSortedSchema(await buildBorderKgSchema()));
  });
});

describe('the schema documentation', () => {
  // TypeGraphQL gives no way to describe the root types themselves; their fields are described.
  const ROOT_TYPES = new Set(['Query', 'Mutation']);

  it('describes every type, field and argument', async () => {
    const schema = await buildBorderKgSchema();
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description && !ROOT_TYPES.has(type.name)) undescribed.push(type.name);
      if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description) undescribed.push(`${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          if (!argument.description) undescribed.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});

describe('the API contract (schema/contract.graphql)', () => {
  // The whole of the contract's second version is served: any breaking change fails, a name not served included.
  it('is kept by the emitted schema: no breaking change', () => {
    expect(findBreakingChanges(contract(), buildSchemaFromSdl(committedSchema())).map((change) => change.description)).toEqual([]);
  });
});

describe('the history of writes', () => {
  // A mutation the history does not name would write without its Change being typed for it.
  it('names every mutation of the schema as a write operation, and nothing else', async () => {
    const mutations = Object.keys((await buildBorderKgSchema()).getMutationType()!.getFields()).sort();
    expect([...WRITE_OPERATIONS].sort()).toEqual(mutations);
  });
});

describe('the validation of arguments and inputs', () => {
  // validateArgument validates synchronously, which skips class-validator's async rules.
  it('has no asynchronous rule on any argument or input class', async () => {
    await buildBorderKgSchema();
    const { argumentTypes, inputTypes } = getMetadataStorage();
    const classes = new Set([...argumentTypes, ...inputTypes].map((metadata) => metadata.target));
    expect(classes.size).toBeGreaterThan(10);
    expect([...classes].flatMap(asyncRulesOf)).toEqual([]);
  });
});

describe('the resolution of interface types', () => {
  // TypeGraphQL's own wrapper answers with a promise, one wait per entity of an answer.
  it('names an entity’s or a node’s type at once, without a promise', async () => {
    const schema = await buildBorderKgSchema();
    const resolvedType = (typeName: string, value: object) => {
      const type = schema.getType(typeName);
      if (!isInterfaceType(type)) throw new Error(`${typeName} is no interface`);
      return type.resolveType!(value, {}, {} as never, type);
    };
    expect(resolvedType('Entity', { kind: 'PLACE' })).toBe('Place');
    expect(resolvedType('Node', { kind: 'STATISTIC' })).toBe('Statistic');
    expect(resolvedType('Node', { typeName: 'Quotation' })).toBe('Quotation');
    expect(resolvedType('Node', { id: 'a-[LEADS]->b' })).toBe('Relation');
  });
});
