import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline as pipelineCallback, Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { BackupError, BackupErrorCode } from './backup-error';
import type { EncodedValue } from './property-values';

/**
 * The backup file: JSON Lines, gzipped when its name ends in .gz. The first line is the header,
 * then one line per node, then one per relationship, and last the trailer, which holds the
 * counts and the sha256 of every line before it: a file cut short has no trailer, and an edited
 * one no longer matches it. Nodes are named by their elementId, which only joins relationships
 * to their ends inside the file; a restore gives every node a new one.
 *
 * {"format":"border-kg-backup","version":1,"createdAt":"…","neo4j":{…},"counts":{…},"migrations":[…]}
 * {"node":"4:…:0","labels":["Entity","Place"],"properties":{"id":["STRING","place:canada"],…}}
 * {"relationship":"BORDERS","start":"4:…:0","end":"4:…:7","properties":{}}
 * {"trailer":{"nodes":1,"relationships":1,"labels":{…},"types":{…},"sha256":"…"}}
 */

export const BACKUP_FORMAT = 'border-kg-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  neo4j: { version: string; edition: string; database: string };
  /** Nodes and relationships when the read began. */
  counts: { nodes: number; relationships: number };
  /** The migrations the database had applied (file names of cypher/migrations/). */
  migrations: string[];
}

export interface BackupNode {
  kind: 'node';
  id: string;
  labels: string[];
  properties: Record<string, EncodedValue>;
}

export interface BackupRelationship {
  kind: 'relationship';
  type: string;
  start: string;
  end: string;
  properties: Record<string, EncodedValue>;
}

export type BackupRecord = BackupNode | BackupRelationship;

export interface BackupTrailer {
  nodes: number;
  relationships: number;
  /** Nodes per label (a node counts under each of its labels) and relationships per type. */
  labels: Record<string, number>;
  types: Record<string, number>;
  /** Hex sha256 of every line before the trailer, newlines included, as uncompressed UTF-8. */
  sha256: string;
}

/** What a file reads as, in order: its header, its records, and its trailer once every check passed. */
export type BackupLine = { kind: 'header'; header: BackupHeader } | BackupRecord | { kind: 'trailer'; trailer: BackupTrailer };

/** Lines are gathered into chunks of about this size before they go to gzip and the disk. */
const WRITE_CHUNK_CHARACTERS = 256 * 1024;

/**
 * Writes a backup file from its header and records, and returns its trailer and size. The file
 * appears whole or not at all: it is written under a temporary name and linked into place,
 * which refuses an existing file. A failure (of the records too) removes what was written.
 */
export async function writeBackupFile(file: string, header: BackupHeader, records: AsyncIterable<BackupRecord>): Promise<{ trailer: BackupTrailer; bytes: number }> {
  const target = path.resolve(file);
  if (existsSync(target)) throw outputExists(target);
  mkdirSync(path.dirname(target), { recursive: true });
  const draft = `${target}.${process.pid}.partial`;
  const hash = createHash('sha256');
  const trailer: BackupTrailer = { nodes: 0, relationships: 0, labels: {}, types: {}, sha256: '' };

  async function* chunks(): AsyncGenerator<string> {
    let chunk = hashed(hash, JSON.stringify(header));
    for await (const record of records) {
      chunk += hashed(hash, recordLine(record));
      countRecord(trailer, record);
      if (chunk.length >= WRITE_CHUNK_CHARACTERS) {
        yield chunk;
        chunk = '';
      }
    }
    trailer.sha256 = hash.digest('hex');
    yield `${chunk}${JSON.stringify({ trailer })}\n`;
  }

  const stages: Writable[] = target.endsWith('.gz') ? [createGzip()] : [];
  try {
    await pipeline([Readable.from(chunks()), ...stages, createWriteStream(draft, { flags: 'wx' })]);
    linkSync(draft, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw outputExists(target);
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return { trailer, bytes: statSync(target).size };
}

/**
 * Reads a backup file line by line, checking as it goes: the header first (format and
 * version), every record's shape and order, and at the end the counts and the sha256 against
 * the trailer. The trailer is yielded only when all of them hold; any failure is a
 * BackupError, thrown when it is found. Memory does not grow with the file.
 */
export async function* readBackupFile(file: string): AsyncGenerator<BackupLine> {
  const hash = createHash('sha256');
  const counted: BackupTrailer = { nodes: 0, relationships: 0, labels: {}, types: {}, sha256: '' };
  let lineNumber = 0;
  let trailer: BackupTrailer | undefined;
  try {
    for await (const line of lines(openDecompressed(file))) {
      lineNumber += 1;
      if (trailer) throw corrupt(`line ${lineNumber} follows the trailer`);
      const parsed = parseLine(line, lineNumber);
      if (lineNumber === 1) {
        yield { kind: 'header', header: checkHeader(parsed) };
      } else if (isObject(parsed.trailer)) {
        trailer = parsed.trailer as unknown as BackupTrailer;
        continue;
      } else {
        const record = checkRecord(parsed, lineNumber);
        if (record.kind === 'node' && counted.relationships > 0) throw corrupt(`line ${lineNumber}: a node after the relationships`);
        countRecord(counted, record);
        yield record;
      }
      hash.update(`${line}\n`, 'utf8');
    }
  } catch (error) {
    throw asBackupError(error, lineNumber);
  }
  if (lineNumber === 0) throw new BackupError(BackupErrorCode.NOT_A_BACKUP, 'the file is empty');
  if (!trailer) throw new BackupError(BackupErrorCode.TRUNCATED, `the file ends after line ${lineNumber} without its trailer: it was cut short`);
  counted.sha256 = hash.digest('hex');
  if (trailer.sha256 !== counted.sha256) {
    throw new BackupError(BackupErrorCode.CHECKSUM_MISMATCH, `the content's sha256 is ${counted.sha256}, the trailer says ${String(trailer.sha256)}: the file was changed after it was written`);
  }
  for (const key of ['nodes', 'relationships', 'labels', 'types'] as const) {
    if (JSON.stringify(sortedCounts(trailer[key])) !== JSON.stringify(sortedCounts(counted[key]))) {
      throw corrupt(`the trailer's ${key} (${JSON.stringify(trailer[key])}) are not what the file holds (${JSON.stringify(counted[key])})`);
    }
  }
  yield { kind: 'trailer', trailer };
}

function hashed(hash: ReturnType<typeof createHash>, line: string): string {
  const terminated = `${line}\n`;
  hash.update(terminated, 'utf8');
  return terminated;
}

function recordLine(record: BackupRecord): string {
  return record.kind === 'node'
    ? JSON.stringify({ node: record.id, labels: record.labels, properties: record.properties })
    : JSON.stringify({ relationship: record.type, start: record.start, end: record.end, properties: record.properties });
}

function countRecord(counts: BackupTrailer, record: BackupRecord): void {
  if (record.kind === 'node') {
    counts.nodes += 1;
    for (const label of record.labels) counts.labels[label] = (counts.labels[label] ?? 0) + 1;
  } else {
    counts.relationships += 1;
    counts.types[record.type] = (counts.types[record.type] ?? 0) + 1;
  }
}

/** Counts per name compare alike whatever order their keys were written in. */
function sortedCounts(value: unknown): unknown {
  return isObject(value) ? Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : value;
}

function outputExists(target: string): BackupError {
  return new BackupError(BackupErrorCode.OUTPUT_EXISTS, `${target} exists already; a backup never overwrites a file, name another one with --out`);
}

/** gzip's magic bytes: a compressed file is recognised by its content, whatever its name. */
function isGzipped(file: string): boolean {
  const descriptor = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(descriptor, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(descriptor);
  }
}

function openDecompressed(file: string): Readable {
  const source = createReadStream(file);
  if (!isGzipped(file)) return source;
  // The callback form returns the last stream, which fails with any stage's error.
  return pipelineCallback(source, createGunzip(), () => undefined);
}

/** A stream's lines, decoded as UTF-8 (a character split between chunks is put together). */
async function* lines(stream: Readable): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest !== '') yield rest;
}

function parseLine(line: string, lineNumber: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw lineNumber === 1 ? notABackup() : corrupt(`line ${lineNumber} is not JSON`);
  }
  if (!isObject(parsed)) throw lineNumber === 1 ? notABackup() : corrupt(`line ${lineNumber} is not a JSON object`);
  return parsed;
}

function checkHeader(parsed: Record<string, unknown>): BackupHeader {
  if (parsed.format !== BACKUP_FORMAT) throw notABackup();
  if (parsed.version !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(BackupErrorCode.UNSUPPORTED_VERSION, `the file is of format version ${String(parsed.version)}; this border-kg reads version ${BACKUP_FORMAT_VERSION}`);
  }
  if (!Array.isArray(parsed.migrations) || !isObject(parsed.counts)) throw corrupt('the header lacks its counts or migrations');
  return parsed as unknown as BackupHeader;
}

function checkRecord(parsed: Record<string, unknown>, lineNumber: number): BackupRecord {
  const { properties } = parsed;
  if (!isObject(properties)) throw corrupt(`line ${lineNumber} has no properties`);
  if (typeof parsed.node === 'string' && Array.isArray(parsed.labels) && parsed.labels.every((label) => typeof label === 'string')) {
    return { kind: 'node', id: parsed.node, labels: parsed.labels as string[], properties: properties as Record<string, EncodedValue> };
  }
  if (typeof parsed.relationship === 'string' && typeof parsed.start === 'string' && typeof parsed.end === 'string') {
    return { kind: 'relationship', type: parsed.relationship, start: parsed.start, end: parsed.end, properties: properties as Record<string, EncodedValue> };
  }
  throw corrupt(`line ${lineNumber} is neither a node nor a relationship`);
}

/** Errors of reading and decompressing, told as what they mean for the file. */
function asBackupError(error: unknown, lineNumber: number): unknown {
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR') return new BackupError(BackupErrorCode.TRUNCATED, `the compressed data ends after line ${lineNumber}: the file was cut short`);
  if (code?.startsWith('Z_')) return corrupt(`the compressed data is damaged after line ${lineNumber} (${(error as Error).message})`);
  return error;
}

function notABackup(): BackupError {
  return new BackupError(BackupErrorCode.NOT_A_BACKUP, `the file is not a backup of border-kg: its first line is no ${BACKUP_FORMAT} header`);
}

function corrupt(message: string): BackupError {
  return new BackupError(BackupErrorCode.CORRUPT, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
