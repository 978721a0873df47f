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

/** The statistics page as operation C of the benchmark reads it: about a place over a period, reporter and source selected. */
const STATISTICS_OF_A_PLACE = {
  anchor: 'place',
  byMeasure: false,
  byReporter: false,
  bySource: false,
  byFrom: true,
  byTo: true,
  wholeEntities: false,
  entityDates: true,
  linkedPlaces: false,
  linkedReporter: true,
  linkedCollector: false,
  linkedSources: true,
  hasAfterKey: false,
  counted: false,
};

describe('readCypher', () => {
  it('puts an included part in place of its include line, without any comment, blank line or indentation', () => {
    const page = readCypher('queries/statistic/page.cypher', STATISTICS_OF_A_PLACE);
    expect(page).not.toContain('//');
    expect(page).toContain('reporter: [(reporter)-[:REPORTED]->(statistic) | [key IN $entityProperties | reporter[key]]');
    expect(page.split('\n').every((line) => line === line.trim() && line !== '')).toBe(true);
  });

  it('keeps only the branches its variant takes, so that a page of statistics fits in one write of neo4j-driver (1,400 bytes with its parameters)', () => {
    const page = readCypher('queries/statistic/page.cypher', STATISTICS_OF_A_PLACE);
    expect(page).toContain('MATCH (:Entity {id: $placeId})');
    expect(page).not.toMatch(/\$ids|\$reportedById|\$sourceId|\$measure|\$afterKey|count\(|places:|collector:/);
    expect(page).toContain('RETURN null AS totalCount, rows');
    expect(Buffer.byteLength(page)).toBeLessThan(900);
  });

  it('reads an else branch when the flag is off, and nested blocks only where every enclosing one holds', () => {
    const counted = readCypher('queries/statistic/page.cypher', { ...STATISTICS_OF_A_PLACE, counted: true, hasAfterKey: true });
    expect(counted).toContain('RETURN count(statistic) AS totalCount');
    expect(counted).toContain('WHERE sortKey > $afterKey');
    expect(counted).not.toContain('RETURN null AS totalCount');
    const withoutDates = readCypher('queries/statistic/page.cypher', { ...STATISTICS_OF_A_PLACE, entityDates: false });
    expect(withoutDates).not.toContain('$entityDates');
    const whole = readCypher('queries/statistic/page.cypher', { ...STATISTICS_OF_A_PLACE, wholeEntities: true });
    expect(whole).toContain('node: statistic {.*, text: null}');
    expect(whole).not.toContain('$entityProperties');
    expect(whole).not.toContain('$entityDates');
  });

  it('compares a value where the condition names one, and fills places with the variant\'s values', () => {
    const variant = { byTypes: false, byOtherKinds: false, hasAfterKey: false, withEvidence: false, counted: false, wholeEntities: false, entityDates: false };
    expect(readCypher('queries/relation/of-entities.cypher', { ...variant, direction: 'BOTH' })).not.toContain('$direction');
    expect(readCypher('queries/relation/of-entities.cypher', { ...variant, direction: 'OUTGOING' })).toContain('$direction');
    expect(readCypher('queries/graph/neighborhood.cypher', { depth: 3, relationTypes: 'BORDERS|PART_OF', withEvidence: false, wholeEntities: false, entityDates: false })).toContain(
      '(center)-[:BORDERS|PART_OF]-{1,3}(other:Entity)',
    );
  });

  it('refuses a variant that leaves out a value the text needs, or gives a text for a flag', () => {
    expect(() => readCypher('queries/statistic/page.cypher', {})).toThrow('cypher/queries/statistic/matching.fragment.cypher needs "anchor" in its variant');
    expect(() => readCypher('queries/statistic/page.cypher', { ...STATISTICS_OF_A_PLACE, counted: 'yes' })).toThrow('"counted" is no flag');
  });

  it('leaves statements apart for splitStatements: a migration keeps the semicolons that end its lines', () => {
    const [first] = listCypherFiles('migrations').filter((file) => /^\d/.test(file));
    expect(splitStatements(readCypher(`migrations/${first}`)).length).toBeGreaterThan(0);
  });
});
