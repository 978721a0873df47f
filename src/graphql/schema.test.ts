import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSchema as buildSchemaFromSdl, findBreakingChanges } from 'graphql';
import { fromProjectRoot } from '../project-root';
import { buildBorderKgSchema, printSortedSchema } from './schema';

const committedSchema = () => readFileSync(fromProjectRoot('schema', 'schema.graphql'), 'utf8');
const contract = () => buildSchemaFromSdl(readFileSync(fromProjectRoot('schema', 'contract.graphql'), 'utf8'));

describe('schema/schema.graphql', () => {
  it('is what the TypeGraphQL classes emit (run `npm run schema` when this fails)', async () => {
    expect(committedSchema()).toBe(printSortedSchema(await buildBorderKgSchema()));
  });
});

describe('the API contract (schema/contract.graphql)', () => {
  it('is kept by the emitted schema: no breaking change', () => {
    const changes = findBreakingChanges(contract(), buildSchemaFromSdl(committedSchema()));
    expect(changes.map((change) => change.description)).toEqual([]);
  });
});
