import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildBorderKgSchema, printSortedSchema } from '../src/app/schema';
import { fromProjectRoot } from '../src/config/project-root';

/** `npm run schema`: rewrites schema/schema.graphql from the TypeGraphQL classes. */
async function main() {
  const target = fromProjectRoot('schema', 'schema.graphql');
  writeFileSync(target, printSortedSchema(await buildBorderKgSchema()));
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
