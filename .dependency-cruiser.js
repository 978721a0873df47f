/**
 * The import rules of border-kg, checked by `npm test` (src/app/architecture.test.ts runs
 * dependency-cruiser with this file) and by hand with `npx depcruise src bench scripts test`.
 *
 * Dependencies run one way: domains -> ontology -> infrastructure. Infrastructure knows no
 * domain; a domain uses another only through its index.ts, never in a circle; only the
 * composition root (src/app) knows every domain; bench/ uses the service's public entry alone.
 */
const INFRASTRUCTURE = '^src/(config|paging|neo4j|graphql|http|web|backup)/|^src/errors\\.ts$';
const DOMAINS = '^src/(ontology|entity|article|relation|statistic|search|graph|quotation|seed|ingestion|dataset|reconciliation|history)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module must not import itself through others: split the shared part out, or invert the dependency.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'infrastructure-knows-no-domain',
      severity: 'error',
      comment: 'neo4j/, graphql/, http/, web/, paging/, config/, backup/ and errors.ts serve every domain and import none; a domain adds its part through the composition root.',
      from: { path: INFRASTRUCTURE },
      to: { path: [DOMAINS, '^src/app/', '^src/(index|main)\\.ts$'] },
    },
    {
      name: 'ontology-is-a-vocabulary',
      severity: 'error',
      comment: 'The ontology is plain data every layer may read: it imports nothing of the service (its tests may read files).',
      from: { path: '^src/ontology/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/ontology/' },
    },
    {
      name: 'domains-through-their-door',
      severity: 'error',
      comment: "Another domain is used through its index.ts only, so that its files can move without breaking others.",
      from: { path: '^src/([^/]+)/' },
      to: { path: DOMAINS, pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'only-the-entry-points-know-the-composition-root',
      severity: 'error',
      comment: 'src/app wires every domain; nothing inside src depends on it but the entry points.',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/(index|main)\\.ts$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'bench-uses-the-public-entry',
      severity: 'error',
      comment: 'bench/ is a workspace of its own: it may use src/index.ts, nothing deeper, and no test support.',
      from: { path: '^bench/' },
      to: { path: ['^src/', '^test/'], pathNot: '^src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports count: a type is a dependency too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
