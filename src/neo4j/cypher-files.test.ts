import { describe, expect, it } from '@jest/globals';
import { listCypherFiles, readCypher, splitStatements } from './cypher-files';

describe('splitStatements', () => {
  it('splits on line-ending semicolons and drops comment lines', () => {
    const text = '// why\nCREATE CONSTRAINT a IF NOT EXISTS\nFOR (n:X) REQUIRE n.id IS UNIQUE;\n\nRETURN "a;b";\n';
    expect(splitStatements(text)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS\nFOR (n:X) REQUIRE n.id IS UNIQUE',
      'RETURN "a;b"',
    ]);
  });
});

describe('listCypherFiles', () => {
  it('lists the migrations in the order of their numeric prefixes', () => {
    const migrations = listCypherFiles('migrations');
    expect(migrations[0]).toBe('001_entity_id_unique.cypher');
    expect(migrations).toContain('bootstrap.cypher');
    expect([...migrations].sort()).toEqual(migrations);
  });
});

describe('readCypher', () => {
  it('puts an included part in place of its include line, without its comments', () => {
    const page = readCypher('queries/statistic/page.cypher');
    expect(page).not.toContain('// include:');
    expect(page).toContain('reporter: CASE WHEN $linked.reporter THEN [(reporter)-[:REPORTED]->(statistic) |');
    expect(page).not.toContain('Included (`// include: ...`)');
  });
});
