import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromProjectRoot } from '../src/config/project-root';
import { TestData } from './support/test-data';

// `npm test` builds first (pretest): this is what `npm run ingest` runs.
const INGEST = fromProjectRoot('dist', 'scripts', 'ingest.js');

/** The real CLI against the test database, output piped as in CI (no terminal: a line per article). */
function ingest(...args: string[]) {
  return spawnSync(process.execPath, [INGEST, ...args], {
    env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI!, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run ingest', () => {
  it('is the npm script the README and docs/operations.md name', () => {
    const { scripts } = JSON.parse(readFileSync(fromProjectRoot('package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.ingest).toBe('npm run build --silent && node dist/scripts/ingest.js');
  });

  const data = new TestData();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'border-kg-ingest-'));
  /** The tokens the articles were named with: their proposals' article ids carry them. */
  const tokens: string[] = [];

  afterAll(async () => {
    // Proposals are not entities: TestData's clean-up leaves them.
    await data.query('MATCH (p:Proposal) WHERE any(token IN $tokens WHERE p.articleId CONTAINS token) DETACH DELETE p', { tokens });
    await data.cleanUp();
    rmSync(folder, { recursive: true, force: true });
  });

  it('ingests a folder, refuses a file that is not UTF-8, and finds everything unchanged the second time', async () => {
    tokens.push(data.token);
    const title = data.name('Crossings at the northern border');
    writeFileSync(
      path.join(folder, '1-report.txt'),
      `${title}\nThe Canada Border Services Agency said 1,200 people crossed into Quebec in March 2024, according to the Royal Canadian Mounted Police.\n`,
    );
    writeFileSync(
      path.join(folder, '2-notes.md'),
      `# ${data.name('Notes on asylum claims')}\n\nAsylum claims in Manitoba rose to **310** in *February 2024*, officials said.\n`,
    );
    // "Montréal" in Latin-1: é is the single byte 0xE9, which UTF-8 never starts a character with.
    writeFileSync(path.join(folder, '3-latin1.txt'), Buffer.from(`${data.name('Montréal report')}\nCrossings near Montréal fell.\n`, 'latin1'));
    writeFileSync(path.join(folder, 'notes.pdf'), 'not an article');

    const first = ingest(folder, '--published', '2024-05-01');
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^\[\d\/3\] .*1-report\.txt: created article:crossings-at-the-northern-border-[0-9a-f]{8}, \d+ proposal\(s\)$/m);
    expect(first.stdout).toMatch(/^\[\d\/3\] .*3-latin1\.txt: refused: input\.text NOT_UTF8$/m);
    expect(first.stdout).toMatch(/^ {2}created: 2$/m);
    expect(first.stdout).toMatch(/^ {2}unchanged: 0$/m);
    expect(first.stdout).toMatch(/^ {2}refused: 1$/m);
    expect(first.stdout).toMatch(/^ {2}ignored: 1 other entry of the folder/m);
    expect(first.stdout).toMatch(/^ {2}proposals: [1-9]\d* \(.*MENTION \d+.*\)$/m);
    expect(first.stdout).toMatch(/^ {2}elapsed: \d+\.\d s, \d+\.\d{2} articles\/s$/m);
    expect(first.stdout).toMatch(/^ {2}\S*3-latin1\.txt: input\.text NOT_UTF8: the file is not UTF-8 text/m);

    const stored = await data.query(
      `MATCH (a:Article) WHERE a.name CONTAINS $token
       RETURN a.name AS name, toString(a.publishedOn) AS publishedOn, COUNT { MATCH (p:Proposal {articleId: a.id}) } AS proposals
       ORDER BY name`,
      { token: data.token },
    );
    expect(stored).toEqual([
      { name: title, publishedOn: '2024-05-01', proposals: expect.any(Number) },
      { name: data.name('Notes on asylum claims'), publishedOn: '2024-05-01', proposals: expect.any(Number) },
    ]);
    expect(stored.every((article) => (article.proposals as number) > 0)).toBe(true);

    const second = ingest(folder, '--published', '2024-05-01');
    expect(second.status).toBe(1);
    expect(second.stdout).toMatch(/^ {2}created: 0$/m);
    expect(second.stdout).toMatch(/^ {2}unchanged: 2$/m);
    expect(second.stdout).toMatch(/^ {2}refused: 1$/m);
    expect(second.stdout).toMatch(/^ {2}proposals: 0$/m);
    expect(second.stdout).not.toMatch(/^Warnings$/m);
  });

  it.each([
    ['an unknown flag', ['--nonsense'], /Unknown option '--nonsense'/],
    ['no path', [], /a file or folder to ingest is missing/],
    ['a date that is not one', ['--published', '2024-02-30'], /--published must be a calendar date YYYY-MM-DD/],
  ])('exits 2 with the usage and no stack trace for %s', (_, args, message) => {
    const result = ingest(...args, ...(args.length > 0 ? [folder] : []));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^usage: npm run ingest/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
