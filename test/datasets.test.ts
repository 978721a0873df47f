import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromProjectRoot } from '../src/config/project-root';
import {
  DatasetImporter,
  DatasetImportError,
  DatasetRepository,
  DatasetScope,
  readMappingFile,
  type DatasetMapping,
  type ImportOutcome,
  type ImportRefusal,
} from '../src/dataset';
import { TestData } from './support/test-data';
import { testDatabase } from './support/test-database';
import { errorCode, startTestService, type TestService } from './support/test-service';

// Official datasets (issue 13): CBP's release imported under a dataset id of this file's own
// (the service's own CBP dataset, loaded at startup, is shared by every test file), series over
// it through the API, the service the reconciliation calls, releases, and refused files.

const CBP_MAPPING = fromProjectRoot('data', 'datasets', 'cbp-sw-encounters.mapping.json');
const CBP_CSV = fromProjectRoot('data', 'datasets', 'cbp', 'southwest-land-border-encounters-fy22-fy25-aug.csv');
const APP_DATASET = 'dataset:cbp-southwest-land-border-encounters';
const CBP = 'organization:us-customs-and-border-protection';
/** The CBP file's lines, CRLF as published; the first is the header. */
const LINES = readFileSync(CBP_CSV, 'utf8').split('\r\n').filter(Boolean);

/** The CBP file's sum over the rows that `keep` keeps (the file has no quoted fields). */
function fileSum(keep: (fields: string[]) => boolean): number {
  return LINES.slice(1)
    .map((line) => line.split(','))
    .filter(keep)
    .reduce((sum, fields) => sum + Number(fields[8]), 0);
}

const SERIES_FIELDS = `dataset { id title publisher { id } } release { id label } measure unit total
  points { period { start end label } value complete } min { period { label } value } max { period { label } value }`;

describe('official datasets', () => {
  const data = new TestData();
  const { driver, executor } = testDatabase(120_000);
  const repository = new DatasetRepository(executor);
  const importer = new DatasetImporter(repository);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'border-kg-datasets-'));
  let service: TestService;
  let datasetId: string;
  let august: ImportOutcome;

  /** The CBP mapping under this file's dataset id, with the release given. */
  function mapping(release: Partial<DatasetMapping['release']> = {}): DatasetMapping {
    const cbp = readMappingFile(CBP_MAPPING);
    return { ...cbp, dataset: { ...cbp.dataset, id: datasetId, title: data.name('CBP encounters (test)') }, release: { ...cbp.release, ...release } };
  }

  function writeCsv(name: string, lines: string[]): string {
    const file = path.join(folder, name);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    return file;
  }

  /** Nodes of a release, staged or published: its observations, sums, and the release itself. */
  async function nodesOf(releaseId: string): Promise<number> {
    const [row] = await data.query('MATCH (n) WHERE n.releaseId = $releaseId OR ((n:DatasetRelease OR n:DatasetReleaseStaging) AND n.id = $releaseId) RETURN count(n) AS count', { releaseId });
    return row!.count as number;
  }

  async function series(args: string, fields = SERIES_FIELDS) {
    const { body } = await service.graphql(`{ series(${args}) { ${fields} } }`);
    expect(body.errors).toBeUndefined();
    return body.data!.series;
  }

  beforeAll(async () => {
    datasetId = `dataset:cbp-test-${data.token}`;
    august = await importer.import(mapping(), CBP_CSV);
    service = await startTestService();
  });

  afterAll(async () => {
    await service?.stop();
    await data.cleanUp();
    await driver.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('importing CBP’s release', () => {
    it('stores every row as an observation of one release, with its months, measure and dimensions', () => {
      expect(august.status).toBe('imported');
      expect(august.release).toMatchObject({
        id: `${datasetId}@august-2025`,
        label: 'August 2025',
        observationCount: LINES.length - 1,
        firstMonth: '2021-10-01',
        lastMonth: '2025-08-01',
        measures: ['encounters'],
        unit: 'encounters',
        subtotalDimensions: ['Component', 'Demographic', 'Citizenship Grouping', 'Title of Authority', 'Encounter Type'],
      });
      expect(august.release.dimensions[0]).toEqual({ name: 'Component', values: ['Office of Field Operations', 'U.S. Border Patrol'] });
      expect(august.ignoredColumns).toEqual(['Month Grouping']);
    });

    it('finds the same file a second time unchanged, and writes nothing', async () => {
      const before = await nodesOf(august.release.id);
      const again = await importer.import(mapping(), CBP_CSV);
      expect(again.status).toBe('unchanged');
      expect(again.release).toEqual(august.release);
      expect(await nodesOf(august.release.id)).toBe(before);
      // Under another label too: the file is the identity of a release.
      expect((await importer.import(mapping({ label: 'Same file, other label' }), CBP_CSV)).release.id).toBe(august.release.id);
    });

    it('keeps none of its nodes among the entities', async () => {
      const [row] = await data.query('MATCH (n:Entity) WHERE n:Dataset OR n:DatasetRelease OR n:Observation OR n:ObservationTotal OR n:ObservationSubtotal RETURN count(n) AS count');
      expect(row!.count).toBe(0);
    });
  });

  describe('series', () => {
    it('sums December 2023 to 301,981 and February 2025 to 11,714, over every dimension', async () => {
      const months = await series(`datasetId: "${datasetId}", granularity: MONTH, from: "2023-12-01", to: "2023-12-31"`);
      expect(months.points).toEqual([{ period: { start: '2023-12-01', end: '2023-12-31', label: 'December 2023' }, value: 301_981, complete: true }]);
      const february = await series(`datasetId: "${datasetId}", measure: "encounters", granularity: MONTH, from: "2025-02-01", to: "2025-02-28"`);
      expect(february.points.map((point: any) => point.value)).toEqual([11_714]);
      expect(february).toMatchObject({ measure: 'encounters', unit: 'encounters', release: { id: august.release.id, label: 'August 2025' } });
    });

    it('sums fiscal year 2024, October 2023 to September 2024, to 2,135,005, and labels the year under way FYTD', async () => {
      const years = await series(`datasetId: "${datasetId}", granularity: FISCAL_YEAR`);
      expect(years.points.map((point: any) => [point.period.label, point.value, point.complete])).toEqual([
        ['FY2022', fileSum((f) => f[0] === '2022'), true],
        ['FY2023', fileSum((f) => f[0] === '2023'), true],
        ['FY2024', 2_135_005, true],
        ['FY2025 (FYTD)', fileSum((f) => f[0] === '2025 (FYTD)'), false],
      ]);
      expect(years.points[2].period).toMatchObject({ start: '2023-10-01', end: '2024-09-30' });
      expect(years.points[3].period).toMatchObject({ start: '2024-10-01', end: '2025-08-31' });
      expect(years.total).toBe(fileSum(() => true));
    });

    it('sums calendar quarters and years, and marks those the data only begin or end in', async () => {
      const quarters = await series(`datasetId: "${datasetId}", granularity: QUARTER, from: "2023-10-01", to: "2024-03-31"`);
      expect(quarters.points.map((point: any) => [point.period.label, point.value])).toEqual([
        ['Q4 2023', fileSum((f) => f[0] === '2024' && ['OCT', 'NOV', 'DEC'].includes(f[2]!))],
        ['Q1 2024', fileSum((f) => f[0] === '2024' && ['JAN', 'FEB', 'MAR'].includes(f[2]!))],
      ]);
      const years = await series(`datasetId: "${datasetId}", granularity: CALENDAR_YEAR`);
      expect(years.points.map((point: any) => point.period.label)).toEqual(['2021 (partial)', '2022', '2023', '2024', '2025 (YTD)']);
    });

    it('finds the peak, the trough and the drop of 96.1 % from December 2023 to February 2025', async () => {
      const months = await series(
        `datasetId: "${datasetId}", granularity: MONTH`,
        'max { period { label } value } min { period { label } value } change(from: "2023-12-01", to: "2025-02-01") { from { value } to { value } difference percent }',
      );
      expect(months.max).toEqual({ period: { label: 'December 2023' }, value: 301_981 });
      expect(months.min.value).toBeLessThan(11_714);
      expect(months.change).toMatchObject({ from: { value: 301_981 }, to: { value: 11_714 }, difference: 11_714 - 301_981 });
      expect(months.change.percent).toBeCloseTo(-96.12, 2);
    });

    it('sums one dimension from its subtotals and several from the observations, as the file does', async () => {
      const december = 'granularity: MONTH, from: "2023-12-01", to: "2023-12-31"';
      const patrol = await series(`datasetId: "${datasetId}", ${december}, filter: [{ name: "Component", values: ["U.S. Border Patrol"] }]`);
      expect(patrol.points[0].value).toBe(fileSum((f) => f[0] === '2024' && f[2] === 'DEC' && f[3] === 'U.S. Border Patrol'));
      const adults = await series(
        `datasetId: "${datasetId}", ${december}, filter: [{ name: "Component", values: ["U.S. Border Patrol"] }, { name: "Demographic", values: ["Single Adults", "FMUA"] }]`,
      );
      expect(adults.points[0].value).toBe(fileSum((f) => f[0] === '2024' && f[2] === 'DEC' && f[3] === 'U.S. Border Patrol' && ['Single Adults', 'FMUA'].includes(f[4]!)));
      const both = await series(`datasetId: "${datasetId}", ${december}, filter: [{ name: "Component", values: ["U.S. Border Patrol", "Office of Field Operations"] }]`);
      expect(both.points[0].value).toBe(301_981);
    });

    it('answers from the service’s own CBP release, loaded at startup, with its publisher', async () => {
      const { body } = await service.graphql(`{ datasets { id releases { label observationCount coverage { label } } } node(id: "${APP_DATASET}") { __typename id } }`);
      expect(body.errors).toBeUndefined();
      const cbp = body.data!.datasets.find((dataset: any) => dataset.id === APP_DATASET);
      expect(cbp.releases).toEqual([{ label: 'August 2025', observationCount: LINES.length - 1, coverage: { label: 'October 2021 to August 2025' } }]);
      expect(body.data!.node).toEqual({ __typename: 'Dataset', id: APP_DATASET });
      const december = await series(`datasetId: "${APP_DATASET}", granularity: MONTH, from: "2023-12-01", to: "2023-12-01"`);
      expect(december).toMatchObject({ dataset: { publisher: { id: CBP } }, points: [{ value: 301_981 }] });
    });

    it.each([
      ['an unknown dataset', 'datasetId: "dataset:nothing-here", granularity: MONTH', 'datasetId'],
      ['an unknown release', 'DATASET, releaseId: "dataset:nothing@here", granularity: MONTH', 'releaseId'],
      ['an unknown measure', 'DATASET, measure: "gotaways", granularity: MONTH', 'measure'],
      ['an unknown dimension', 'DATASET, granularity: MONTH, filter: [{ name: "Sector", values: ["Tucson"] }]', 'filter[0].name'],
      ['a value the dimension never takes', 'DATASET, granularity: MONTH, filter: [{ name: "Component", values: ["U.S. Border Patrol", "Border Patrol"] }]', 'filter[0].values[1]'],
      ['from after to', 'DATASET, granularity: MONTH, from: "2024-03-01", to: "2024-01-31"', 'from'],
    ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, args, field) => {
      const { body } = await service.graphql(`{ series(${args.replace('DATASET', `datasetId: "${datasetId}"`)}) { measure } }`);
      expect(errorCode(body)).toBe('BAD_USER_INPUT');
      expect(body.errors![0]!.extensions).toMatchObject({ field });
    });
  });

  describe('a second release with a month revised', () => {
    let march: ImportOutcome;

    beforeAll(async () => {
      // The release the second article was written from: data to February 2025, whose count CBP
      // has since revised from 11,709 to 11,714.
      const revised = LINES.filter((line) => line.startsWith('2025 (FYTD),FYTD,FEB,')).pop();
      const earlier = LINES.filter((line, index) => index === 0 || !/^2025 \(FYTD\),FYTD,(MAR|APR|MAY|JUN|JUL|AUG),/.test(line)).map((line) => {
        if (line !== revised) return line;
        const fields = line.split(',');
        return [...fields.slice(0, 8), String(Number(fields[8]) - 5)].join(',');
      });
      march = await importer.import(mapping({ label: 'March 2025', publishedOn: '2025-03-17' }), writeCsv('march.csv', earlier));
    });

    it('is kept beside the first, which stays the newest: its data reach a later month', async () => {
      expect(march.status).toBe('imported');
      const scope = new DatasetScope(executor);
      expect((await scope.service.releasesOf(datasetId)).map((release) => release.label)).toEqual(['August 2025', 'March 2025']);
    });

    it('answers series(releaseId) from each release', async () => {
      const february = 'granularity: MONTH, from: "2025-02-01", to: "2025-02-28"';
      expect((await series(`datasetId: "${datasetId}", ${february}`)).points[0].value).toBe(11_714);
      const earlier = await series(`datasetId: "${datasetId}", ${february}, releaseId: "${march.release.id}"`);
      expect(earlier).toMatchObject({ release: { label: 'March 2025' }, points: [{ value: 11_709 }] });
      const years = await series(`datasetId: "${datasetId}", granularity: FISCAL_YEAR, releaseId: "${march.release.id}"`);
      expect(years.points.map((point: any) => point.period.label)).toEqual(['FY2022', 'FY2023', 'FY2024', 'FY2025 (FYTD)']);
      expect(years.points[2].value).toBe(2_135_005);
    });

    it('refuses another file under a label already taken, and writes nothing', async () => {
      const before = await nodesOf(march.release.id);
      const file = writeCsv('relabelled.csv', LINES.slice(0, 100));
      await expect(importer.import(mapping({ label: 'March 2025' }), file)).rejects.toMatchObject({ reason: 'RELEASE_LABEL_TAKEN', extensions: { field: 'mapping.release.label' } });
      expect(await nodesOf(march.release.id)).toBe(before);
    });
  });

  describe('officialValue, for the reconciliation', () => {
    const official = () => new DatasetScope(executor).service;

    it('gives fiscal 2024 whole, and fiscal 2025 as not complete', async () => {
      const fy2024 = await official().officialValue({ datasetId, measure: 'encounters', period: { start: '2023-10-01', end: '2024-09-30' } });
      expect(fy2024).toMatchObject({ value: 2_135_005, complete: true, release: { label: 'August 2025', publishedOn: null }, dataset: { id: datasetId } });
      const fy2025 = await official().officialValue({ datasetId, measure: 'encounters', period: { start: '2024-10-01', end: '2025-09-30' } });
      expect(fy2025).toMatchObject({ value: fileSum((f) => f[0] === '2025 (FYTD)'), complete: false });
    });

    it('gives a month of an earlier release, filtered on a dimension', async () => {
      const [, march] = await official().releasesOf(datasetId);
      const february = await official().officialValue({ datasetId, measure: 'encounters', period: { start: '2025-02-01', end: '2025-02-28' }, releaseId: march!.id });
      expect(february).toMatchObject({ value: 11_709, complete: true, release: { id: march!.id, label: 'March 2025', publishedOn: '2025-03-17' } });
      const patrol = await official().officialValue({ datasetId, measure: 'encounters', filter: [{ name: 'Component', values: ['U.S. Border Patrol'] }], period: { start: '2023-12-01', end: '2023-12-31' } });
      expect(patrol!.value).toBe(fileSum((f) => f[0] === '2024' && f[2] === 'DEC' && f[3] === 'U.S. Border Patrol'));
    });

    it('says a period that does not end on a month’s end is not complete, and a period without data has no value', async () => {
      const partial = await official().officialValue({ datasetId, measure: 'encounters', period: { start: '2025-01-01', end: '2025-03-02' } });
      expect(partial).toMatchObject({ complete: false });
      expect(await official().officialValue({ datasetId, measure: 'encounters', period: { start: '2019-01-01', end: '2019-12-31' } })).toBeNull();
    });

    it('refuses to guess a dataset when several have the measure', async () => {
      await expect(official().officialValue({ measure: 'encounters', period: { start: '2023-12-01', end: '2023-12-31' } })).rejects.toMatchObject({ extensions: { field: 'datasetId' } });
    });
  });

  describe('refused files, with the line at fault, import nothing', () => {
    const header = LINES[0]!;
    const body = LINES.slice(1, 60);
    const cases: [string, () => string, ImportRefusal, number][] = [
      ['a value that is not a number', () => writeCsv('nan.csv', [header, ...body.slice(0, 40), body[40]!.replace(/,\d+$/, ',12a'), ...body.slice(41)]), 'NOT_A_NUMBER', 42],
      ['a period that does not parse', () => writeCsv('period.csv', [header, ...body.slice(0, 9), body[9]!.replace(/^2022,/, 'FY22,'), ...body.slice(10)]), 'BAD_PERIOD', 11],
      ['a header without a column of the mapping', () => writeCsv('column.csv', [header.replace('Encounter Count', 'Count'), ...body]), 'MISSING_COLUMN', 1],
      ['a row of another width', () => writeCsv('width.csv', [header, ...body.slice(0, 19), 'a,b', ...body.slice(19)]), 'NOT_CSV', 21],
      ['a binary file', () => writeCsv('binary.csv', ['\u0089PNG\u0000\u0000']), 'NOT_CSV', 1],
      ['a header and no row', () => writeCsv('empty.csv', [header]), 'EMPTY', 2],
    ];

    it.each(cases)('%s', async (name, write, reason, line) => {
      const label = `Refused ${name}`;
      const error = await importer.import(mapping({ label }), write()).then(
        () => null,
        (refusal: unknown) => refusal,
      );
      expect(error).toBeInstanceOf(DatasetImportError);
      expect(error).toMatchObject({ reason, line, extensions: { code: 'BAD_USER_INPUT', line } });
      expect((error as Error).message).toMatch(new RegExp(`^line ${line}: `));
      expect(await nodesOf(`${datasetId}@${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`)).toBe(0);
    });

    it('deletes what was staged when the database fails half-way', async () => {
      class FailingRepository extends DatasetRepository {
        override async stage(...args: Parameters<DatasetRepository['stage']>) {
          if (args[0] === 'subtotals') throw new Error('the database went away');
          return super.stage(...args);
        }
      }
      const failing = new DatasetImporter(new FailingRepository(executor));
      await expect(failing.import(mapping({ label: 'Half written' }), writeCsv('half.csv', LINES.slice(0, 500)))).rejects.toThrow('the database went away');
      expect(await nodesOf(`${datasetId}@half-written`)).toBe(0);
    });

    it('clears what a dead import left, and refuses to run beside a live one', async () => {
      const releaseId = `${datasetId}@left-behind`;
      const file = writeCsv('left-behind.csv', LINES.slice(0, 300));
      const staging = (heartbeatAt: string) =>
        data.query(
          `CREATE (:DatasetReleaseStaging {id: $releaseId, datasetId: $datasetId, heartbeatAt: $heartbeatAt})
           CREATE (:Observation {releaseId: $releaseId, measure: 'encounters', periodStart: '2023-12-01', value: 1000000.0, dimensionCodes: [0.0, 0.0, 0.0, 0.0, 0.0]})`,
          { releaseId, datasetId, heartbeatAt },
        );
      await staging(new Date().toISOString());
      await expect(importer.import(mapping({ label: 'Left behind' }), file)).rejects.toMatchObject({ reason: 'IMPORT_IN_PROGRESS' });
      await data.query('MATCH (s:DatasetReleaseStaging {id: $releaseId}) SET s.heartbeatAt = $stale', { releaseId, stale: '2020-01-01T00:00:00.000Z' });
      const outcome = await importer.import(mapping({ label: 'Left behind' }), file);
      expect(outcome.release.observationCount).toBe(299);
      const [row] = await data.query('MATCH (o:Observation {releaseId: $releaseId}) RETURN count(o) AS count, sum(o.value) AS sum', { releaseId });
      expect(row).toEqual({ count: 299, sum: LINES.slice(1, 300).reduce((sum, line) => sum + Number(line.split(',')[8]), 0) });
    });
  });

  describe('npm run import', () => {
    // `npm test` builds first (pretest): this is what `npm run import` runs.
    const IMPORT = fromProjectRoot('dist', 'scripts', 'import.js');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [IMPORT, ...args], { env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI!, LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 120_000 });

    it('imports with a line of progress per phase and a summary, then finds the file unchanged, and refuses a bad one with exit 1', () => {
      const mappingFile = path.join(folder, 'cli.mapping.json');
      writeFileSync(mappingFile, JSON.stringify({ ...JSON.parse(readFileSync(CBP_MAPPING, 'utf8')), dataset: { id: `${datasetId}-cli`, title: data.name('CLI import') } }));
      const file = writeCsv('cli.csv', LINES.slice(0, 1000));
      const first = run(mappingFile, file, '--release-label', 'CLI run', '--published', '2025-09-15');
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/^checking 999 rows \(100 %\)$/m);
      expect(first.stdout).toMatch(/^writing 999 of 999 rows \(100 %\)$/m);
      expect(first.stdout).toContain(`Summary: imported\n  dataset: ${datasetId}-cli\n  release: ${datasetId}-cli@cli-run ("CLI run", published 2025-09-15)`);
      expect(first.stdout).toMatch(/^ {2}columns not read: Month Grouping$/m);

      const second = run(mappingFile, file, '--release-label', 'CLI run');
      expect(second.status).toBe(0);
      expect(second.stdout).toMatch(/^Summary: unchanged/);

      const bad = run(mappingFile, writeCsv('cli-bad.csv', [LINES[0]!, LINES[1]!.replace(/,\d+$/, ',many')]), '--release-label', 'CLI bad');
      expect(bad.status).toBe(1);
      expect(bad.stderr).toBe('border-kg import: refused (NOT_A_NUMBER): line 2: "many" in column "Encounter Count" is not a number\nNothing was imported.\n');
      expect(run(mappingFile).status).toBe(2);
    });
  });
});
