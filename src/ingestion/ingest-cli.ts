import { readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BadUserInputError } from '../errors';
import { isIsoDate } from '../ontology';
import { ArticleFormat, MAX_HTML_CHARACTERS } from './article-input';
import type { KnownEntity } from './extraction.types';
import type { IngestionService } from './ingestion.service';
import type { ProposalKind } from './proposal.record';

/**
 * What `npm run ingest` (scripts/ingest.ts) does apart from connecting to Neo4j and drawing
 * progress: its arguments, the files it takes, reading one into an article and ingesting it
 * (the ingestion bench goes the same way), and the summary. Refusals are outcomes, not errors:
 * a folder goes on past a bad file.
 */

export const USAGE = `usage: npm run ingest -- <file or folder> [--published YYYY-MM-DD] [--publisher NAME]
                          [--title T] [--url U] [--format TEXT|MARKDOWN|HTML] [--dry-run]

  A file, or every .txt, .md, .markdown, .html and .htm file of a folder (not its subfolders),
  each one article in a transaction of its own. The format follows the extension unless
  --format is given; --title and --url name one article, so they go with a file only.
  --dry-run shows what would be proposed and stores nothing.
  Neo4j: NEO4J_URI and the other variables of \`npm start\`; without NEO4J_URI the local one is
  started (stop \`npm start\` first: the local data folder has one owner at a time).
  Exit status: 0 every article ingested or unchanged, 1 some refused, 2 a usage error,
  3 the run could not go on (configuration, database).`;

/** The exit statuses USAGE promises. */
export const EXIT = { OK: 0, REFUSED: 1, USAGE: 2, FAILED: 3 } as const;

/**
 * Articles of a folder in flight at once. Node extracts one (CPU) while Neo4j writes and
 * commits the others (its own threads): on two cores, one at a time leaves either idle half
 * the time. Each article is still its own transaction.
 */
export const FOLDER_CONCURRENCY = 4;

/**
 * Runs `work` on every item, at most `concurrency` at once, and returns the results in the
 * items' order. The first failure stops new work and is thrown once the running work ends.
 */
export async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** A command line that cannot run: the message says why, and the CLI prints USAGE with it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface IngestArgs {
  path: string;
  /** Every file's format; null: by extension. */
  format: ArticleFormat | null;
  publishedOn: string | null;
  publisher: string | null;
  title: string | null;
  url: string | null;
  dryRun: boolean;
}

/**
 * The command line after `--`; 'help' for --help. `today` (YYYY-MM-DD) is the day --published
 * may not be after: the service would refuse every article of the run for it.
 */
export function parseIngestArgs(argv: readonly string[], today: string): IngestArgs | 'help' {
  const { values, positionals } = parseCommandLine(argv, {
    published: { type: 'string' },
    publisher: { type: 'string' },
    title: { type: 'string' },
    url: { type: 'string' },
    format: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('a file or folder to ingest is missing');
  if (positionals.length > 1) throw new UsageError(`one file or folder at a time, not ${positionals.length} (${positionals.join(', ')})`);

  const published = values.published ?? null;
  if (published !== null && !isIsoDate(published)) throw new UsageError(`--published must be a calendar date YYYY-MM-DD, not "${published}"`);
  // ISO dates compare as strings.
  if (published !== null && published > today) throw new UsageError(`--published ${published} is after today (${today})`);
  const format = values.format === undefined ? null : Object.values(ArticleFormat).find((name) => name === values.format!.toUpperCase());
  if (format === undefined) throw new UsageError(`--format must be TEXT, MARKDOWN or HTML, not "${values.format}"`);
  return {
    path: positionals[0]!,
    format,
    publishedOn: published,
    publisher: values.publisher ?? null,
    title: values.title ?? null,
    url: values.url ?? null,
    dryRun: values['dry-run'] ?? false,
  };
}

/**
 * node:util's parseArgs over a command line with positionals and the options given; what it
 * refuses becomes a UsageError: its own messages ("Unknown option '--x'") name the flag, and
 * its stack is noise here.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'TEXT',
  '.md': 'MARKDOWN',
  '.markdown': 'MARKDOWN',
  '.html': 'HTML',
  '.htm': 'HTML',
};

/** The format a file's extension stands for (any case), or null for another extension. */
export function formatOf(file: string): ArticleFormat | null {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

export interface ArticleFile {
  path: string;
  format: ArticleFormat;
}

export interface ArticleFiles {
  files: ArticleFile[];
  /** True when the path named a folder. */
  folder: boolean;
  /** Entries of the folder left out: other extensions, subfolders. */
  ignored: number;
}

/**
 * The articles the arguments name: the file, or the folder's files with a known extension,
 * sorted by name (numbers in names by value: 2 before 10). --format overrides the extensions.
 */
export function listArticleFiles({ path: target, format, title, url }: Pick<IngestArgs, 'path' | 'format' | 'title' | 'url'>): ArticleFiles {
  const kind = statOrNull(target);
  if (kind === null) throw new UsageError(`no such file or folder: ${target}`);
  if (kind.isFile()) {
    const fileFormat = format ?? formatOf(target);
    if (fileFormat === null) throw new UsageError(`${target}: the format of a ${path.extname(target) || 'file without extension'} is unknown; give --format`);
    return { files: [{ path: target, format: fileFormat }], folder: false, ignored: 0 };
  }
  if (!kind.isDirectory()) throw new UsageError(`${target} is neither a file nor a folder`);
  // The same title or URL on several files would make each a new revision of the one before.
  if (title !== null || url !== null) throw new UsageError('--title and --url name one article: give them with a file, not a folder');

  const names = readdirSync(target).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const files: ArticleFile[] = [];
  for (const name of names) {
    const file = path.join(target, name);
    const extensionFormat = formatOf(name);
    // statSync follows symbolic links: a link to an article is an article.
    if (extensionFormat !== null && statOrNull(file)?.isFile()) files.push({ path: file, format: format ?? extensionFormat });
  }
  if (files.length === 0) throw new UsageError(`${target} holds no .txt, .md, .markdown, .html or .htm file`);
  return { files, folder: true, ignored: names.length - files.length };
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * The most bytes an acceptable file can have: the longest input the service accepts (an HTML
 * page) at three UTF-8 bytes per UTF-16 unit, the most any character takes, plus a byte-order
 * mark. A larger file is refused before it is read into memory.
 */
const MAX_FILE_BYTES = 3 * MAX_HTML_CHARACTERS + 3;

/**
 * A file's text. Read as bytes and decoded strictly: a file in another encoding (Windows-1252,
 * Latin-1) is refused (reason NOT_UTF8) rather than stored garbled. A UTF-8 byte-order mark is dropped.
 */
export async function readArticleFile(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_FILE_BYTES) {
    throw new BadUserInputError(`the file has ${size} bytes; no article the service accepts has more than ${MAX_FILE_BYTES}`, {
      field: 'input.text',
      reason: 'TOO_LARGE',
      limit: MAX_FILE_BYTES,
    });
  }
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BadUserInputError(`the file is not UTF-8 text: convert it first (e.g. iconv -f WINDOWS-1252 -t UTF-8)`, {
      field: 'input.text',
      reason: 'NOT_UTF8',
    });
  }
}

/** An article stored, or found stored already. Only counts are kept of its proposals: a folder's run must not hold them all. */
interface IngestedFile {
  file: string;
  status: 'created' | 'unchanged';
  articleId: string;
  /** New proposals by kind; none for an unchanged article. */
  proposals: Partial<Record<ProposalKind, number>>;
  /** Of a created article only: an unchanged one's were told when it was created. */
  warnings: string[];
}

interface RefusedFile {
  file: string;
  status: 'refused';
  field: string;
  reason: string;
  message: string;
}

/** One file's fate. */
export type FileOutcome = IngestedFile | RefusedFile;

export interface IngestFileOptions {
  format: ArticleFormat;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  publishedOn?: string | null;
  dryRun: boolean;
  knownEntities: readonly KnownEntity[];
}

/**
 * Reads a file and ingests it as one article, in one transaction. A refusal (BadUserInputError,
 * the file's or the service's) is the outcome; any other error (the database) is thrown.
 */
export async function ingestFile(service: IngestionService, file: string, options: IngestFileOptions): Promise<FileOutcome> {
  const { dryRun, knownEntities, ...fields } = options;
  try {
    const text = await readArticleFile(file);
    const outcome = await service.ingest({ ...fields, text }, { dryRun, knownEntities });
    if (!outcome.created) return { file, status: 'unchanged', articleId: outcome.article.id, proposals: {}, warnings: [] };
    const proposals: Partial<Record<ProposalKind, number>> = {};
    for (const proposal of outcome.proposals) proposals[proposal.payload.kind] = (proposals[proposal.payload.kind] ?? 0) + 1;
    return { file, status: 'created', articleId: outcome.article.id, proposals, warnings: outcome.warnings };
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    const { field, reason } = error.extensions;
    return { file, status: 'refused', field: String(field ?? ''), reason: String(reason ?? 'BAD_USER_INPUT'), message: error.message };
  }
}

/** One line per article, for output that is not a terminal (a log, CI) and for a single file. */
export function progressLine(done: number, total: number, outcome: FileOutcome, dryRun: boolean): string {
  const head = `[${done}/${total}] ${outcome.file}:`;
  switch (outcome.status) {
    case 'created':
      return `${head} ${dryRun ? 'would create' : 'created'} ${outcome.articleId}, ${proposalCount(outcome.proposals)} proposal(s)`;
    case 'unchanged':
      return `${head} unchanged (${outcome.articleId} has the same text)`;
    case 'refused':
      return `${head} refused: ${outcome.field} ${outcome.reason}`;
  }
}

function proposalCount(proposals: Partial<Record<ProposalKind, number>>): number {
  return Object.values(proposals).reduce((sum, count) => sum + count, 0);
}

export function exitStatusOf(outcomes: readonly FileOutcome[]): number {
  return outcomes.some((outcome) => outcome.status === 'refused') ? EXIT.REFUSED : EXIT.OK;
}

export interface RunSummary {
  outcomes: readonly FileOutcome[];
  /** Files the run was given; more than the outcomes when it stopped early. */
  total: number;
  /** Entries of a folder left out. */
  ignored: number;
  elapsedSeconds: number;
  dryRun: boolean;
}

/** The closing report: counts, each refusal, proposals by kind, each created article's warnings, speed. */
export function formatSummary({ outcomes, total, ignored, elapsedSeconds, dryRun }: RunSummary): string {
  const created = outcomes.filter((outcome): outcome is IngestedFile => outcome.status === 'created');
  const refused = outcomes.filter((outcome): outcome is RefusedFile => outcome.status === 'refused');
  const byKind: Partial<Record<ProposalKind, number>> = {};
  for (const outcome of created) {
    for (const [kind, count] of Object.entries(outcome.proposals) as [ProposalKind, number][]) byKind[kind] = (byKind[kind] ?? 0) + count;
  }
  const kinds = Object.entries(byKind).map(([kind, count]) => `${kind} ${count}`);
  const perSecond = elapsedSeconds > 0 ? outcomes.length / elapsedSeconds : 0;
  const lines = [
    dryRun ? 'Summary (dry run: nothing was stored)' : 'Summary',
    `  ${dryRun ? 'would create' : 'created'}: ${created.length}`,
    `  unchanged: ${outcomes.filter((outcome) => outcome.status === 'unchanged').length}`,
    `  refused: ${refused.length}`,
    ...(outcomes.length < total ? [`  not attempted: ${total - outcomes.length}`] : []),
    ...(ignored > 0 ? [`  ignored: ${ignored} other entr${ignored === 1 ? 'y' : 'ies'} of the folder (other extensions, subfolders)`] : []),
    `  proposals${dryRun ? ' (not stored)' : ''}: ${proposalCount(byKind)}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`,
    `  elapsed: ${elapsedSeconds.toFixed(1)} s, ${perSecond.toFixed(2)} articles/s`,
  ];
  if (refused.length > 0) {
    lines.push('Refused');
    for (const outcome of refused) lines.push(`  ${outcome.file}: ${outcome.field} ${outcome.reason}: ${outcome.message}`);
  }
  const warned = created.filter((outcome) => outcome.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('Warnings');
    for (const outcome of warned) {
      lines.push(`  ${outcome.file}:`, ...outcome.warnings.map((warning) => `    - ${warning}`));
    }
  }
  return lines.join('\n');
}
