import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BadUserInputError } from '../errors';
import {
  exitStatusOf,
  formatOf,
  formatSummary,
  ingestFile,
  listArticleFiles,
  mapConcurrently,
  parseIngestArgs,
  progressLine,
  readArticleFile,
  UsageError,
  type FileOutcome,
} from './ingest-cli';
import type { IngestionService, IngestOutcome } from './ingestion.service';

const TODAY = '2025-03-10';
const parse = (...argv: string[]) => parseIngestArgs(argv, TODAY);

function usageError(argv: string[]): string {
  try {
    parse(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseIngestArgs', () => {
  it('reads a path and every option, in any order, with = or a separate value', () => {
    expect(parse('articles', '--published', '2025-03-01', '--publisher=CBC News', '--format', 'markdown', '--dry-run')).toEqual({
      path: 'articles',
      format: 'MARKDOWN',
      publishedOn: '2025-03-01',
      publisher: 'CBC News',
      title: null,
      url: null,
      dryRun: true,
    });
    expect(parse('--title', 'A headline', '--url', 'https://example.org/a', 'a.txt')).toMatchObject({ path: 'a.txt', title: 'A headline', url: 'https://example.org/a', format: null, dryRun: false });
  });

  it('answers help for --help and -h', () => {
    expect(parse('--help')).toBe('help');
    expect(parse('-h', 'a.txt')).toBe('help');
  });

  it.each([
    [['a.txt', '--nonsense'], /--nonsense/],
    [[], /file or folder to ingest is missing/],
    [['a.txt', 'b.txt'], /one file or folder at a time/],
    [['a.txt', '--published', '10/03/2025'], /--published must be a calendar date YYYY-MM-DD, not "10\/03\/2025"/],
    [['a.txt', '--published', '2025-02-30'], /--published must be a calendar date/],
    [['a.txt', '--published', '2025-03-11'], /after today \(2025-03-10\)/],
    [['a.txt', '--published'], /--published/],
    [['a.txt', '--format', 'PDF'], /--format must be TEXT, MARKDOWN or HTML, not "PDF"/],
  ])('refuses %p as a usage error', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });
});

describe('formatOf', () => {
  it.each([
    ['a.txt', 'TEXT'],
    ['notes/A.MD', 'MARKDOWN'],
    ['a.markdown', 'MARKDOWN'],
    ['page.html', 'HTML'],
    ['page.HTM', 'HTML'],
    ['a.pdf', null],
    ['README', null],
  ])('%s is %p', (file, format) => {
    expect(formatOf(file)).toBe(format);
  });
});

describe('files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'border-kg-ingest-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const list = (target: string, format: 'TEXT' | null = null) => listArticleFiles({ path: target, format, title: null, url: null });
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it('takes a folder’s articles sorted by name, numbers by value, and leaves the rest out', () => {
    const folder = path.join(dir, 'folder');
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    for (const name of ['10.txt', '2.md', 'b.html', 'a.htm', 'notes.pdf', 'sub/c.txt']) writeFileSync(path.join(folder, name), 'A sentence.');
    symlinkSync(path.join(folder, 'a.htm'), path.join(folder, 'link.markdown'));
    const listing = list(folder);
    expect(listing.files.map((file) => [path.basename(file.path), file.format])).toEqual([
      ['2.md', 'MARKDOWN'],
      ['10.txt', 'TEXT'],
      ['a.htm', 'HTML'],
      ['b.html', 'HTML'],
      ['link.markdown', 'MARKDOWN'],
    ]);
    expect(listing).toMatchObject({ folder: true, ignored: 2 });
    expect(list(folder, 'TEXT').files.every((file) => file.format === 'TEXT')).toBe(true);
    // The same title or URL on every file would make each a revision of the one before.
    expect(() => listArticleFiles({ path: folder, format: null, title: 'One headline', url: null })).toThrow(/--title and --url name one article/);
    expect(() => listArticleFiles({ path: folder, format: null, title: null, url: 'https://example.org/a' })).toThrow(UsageError);
  });

  it('takes a file of any extension with --format, and refuses an unknown one without', () => {
    const file = write('article.text', 'A sentence.');
    expect(listArticleFiles({ path: file, format: 'TEXT', title: 'One headline', url: 'https://example.org/a' })).toEqual({ files: [{ path: file, format: 'TEXT' }], folder: false, ignored: 0 });
    expect(() => list(file)).toThrow(new UsageError(`${file}: the format of a .text is unknown; give --format`));
  });

  it('refuses a missing path and a folder without articles', () => {
    expect(() => list(path.join(dir, 'missing'))).toThrow(UsageError);
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    expect(() => list(empty)).toThrow(/holds no \.txt, \.md, \.markdown, \.html or \.htm file/);
  });

  it('decodes UTF-8, drops a byte-order mark, and refuses other encodings as NOT_UTF8', async () => {
    expect(await readArticleFile(write('bom.txt', Buffer.from('\uFEFFMontréal, Québec.', 'utf8')))).toBe('Montréal, Québec.');
    const latin1 = write('latin1.txt', Buffer.from('Montréal, Québec.', 'latin1'));
    await expect(readArticleFile(latin1)).rejects.toMatchObject({ extensions: { field: 'input.text', reason: 'NOT_UTF8' } });
  });

  it('ingests a file through the service, and turns its refusals into outcomes', async () => {
    const good = write('good.txt', 'Officials counted 1,200 crossings.');
    const calls: unknown[] = [];
    const service = {
      async ingest(input: unknown, options: unknown): Promise<IngestOutcome> {
        calls.push({ input, options });
        const proposals = ['MENTION', 'MENTION', 'STATISTIC'].map((kind) => ({ payload: { kind } }));
        return { article: { id: 'article:a' }, created: true, proposals, warnings: ['no title'] } as unknown as IngestOutcome;
      },
    } as unknown as IngestionService;
    const options = { format: 'TEXT', publishedOn: '2025-03-01', dryRun: false, knownEntities: [] } as const;
    expect(await ingestFile(service, good, options)).toEqual({
      file: good,
      status: 'created',
      articleId: 'article:a',
      proposals: { MENTION: 2, STATISTIC: 1 },
      warnings: ['no title'],
    });
    expect(calls).toEqual([{ input: { format: 'TEXT', publishedOn: '2025-03-01', text: 'Officials counted 1,200 crossings.' }, options: { dryRun: false, knownEntities: [] } }]);

    const refusing = {
      async ingest(): Promise<IngestOutcome> {
        throw new BadUserInputError('input.text looks binary', { field: 'input.text', reason: 'BINARY' });
      },
    } as unknown as IngestionService;
    expect(await ingestFile(refusing, good, options)).toEqual({ file: good, status: 'refused', field: 'input.text', reason: 'BINARY', message: 'input.text looks binary' });
    expect(await ingestFile(refusing, write('latin.txt', Buffer.from('é', 'latin1')), options)).toMatchObject({ status: 'refused', reason: 'NOT_UTF8' });

    const failing = { ingest: () => Promise.reject(new Error('database down')) } as unknown as IngestionService;
    await expect(ingestFile(failing, good, options)).rejects.toThrow('database down');
  });
});

describe('reporting', () => {
  const outcomes: FileOutcome[] = [
    { file: 'a.txt', status: 'created', articleId: 'article:a', proposals: { ENTITY: 1, MENTION: 3 }, warnings: ['no title', 'no publication date'] },
    { file: 'b.md', status: 'created', articleId: 'article:b', proposals: { MENTION: 2 }, warnings: [] },
    { file: 'c.txt', status: 'unchanged', articleId: 'article:c', proposals: {}, warnings: [] },
    { file: 'd.txt', status: 'refused', field: 'input.text', reason: 'NOT_UTF8', message: 'the file is not UTF-8 text' },
  ];

  it('prints a line per article', () => {
    expect(outcomes.map((outcome, index) => progressLine(index + 1, 4, outcome, false))).toEqual([
      '[1/4] a.txt: created article:a, 4 proposal(s)',
      '[2/4] b.md: created article:b, 2 proposal(s)',
      '[3/4] c.txt: unchanged (article:c has the same text)',
      '[4/4] d.txt: refused: input.text NOT_UTF8',
    ]);
    expect(progressLine(1, 1, outcomes[0]!, true)).toBe('[1/1] a.txt: would create article:a, 4 proposal(s)');
  });

  it('sums up counts, refusals, proposals by kind, warnings and speed', () => {
    expect(formatSummary({ outcomes, total: 5, ignored: 1, elapsedSeconds: 2, dryRun: false }).split('\n')).toEqual([
      'Summary',
      '  created: 2',
      '  unchanged: 1',
      '  refused: 1',
      '  not attempted: 1',
      '  ignored: 1 other entry of the folder (other extensions, subfolders)',
      '  proposals: 6 (ENTITY 1, MENTION 5)',
      '  elapsed: 2.0 s, 2.00 articles/s',
      'Refused',
      '  d.txt: input.text NOT_UTF8: the file is not UTF-8 text',
      'Warnings',
      '  a.txt:',
      '    - no title',
      '    - no publication date',
    ]);
    expect(formatSummary({ outcomes: outcomes.slice(2, 3), total: 1, ignored: 0, elapsedSeconds: 0, dryRun: true })).toBe(
      ['Summary (dry run: nothing was stored)', '  would create: 0', '  unchanged: 1', '  refused: 0', '  proposals (not stored): 0', '  elapsed: 0.0 s, 0.00 articles/s'].join('\n'),
    );
  });

  it('exits 1 when any article was refused, 0 otherwise', () => {
    expect(exitStatusOf(outcomes)).toBe(1);
    expect(exitStatusOf(outcomes.slice(0, 3))).toBe(0);
    expect(exitStatusOf([])).toBe(0);
  });
});

describe('mapConcurrently', () => {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

  it('keeps at most the given number in flight and returns results in the order of the items', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3], 2, async (item) => {
      most = Math.max(most, ++inFlight);
      for (let tick = 0; tick < item; tick++) await pause();
      inFlight--;
      return item * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('starts nothing new after a failure, and throws it', async () => {
    const started: number[] = [];
    await expect(
      mapConcurrently([1, 2, 3, 4, 5], 1, async (item) => {
        started.push(item);
        if (item === 2) throw new Error('item 2 failed');
        return item;
      }),
    ).rejects.toThrow('item 2 failed');
    expect(started).toEqual([1, 2]);
  });
});
