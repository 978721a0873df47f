import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BackupErrorCode } from './backup-error';
import { BACKUP_FORMAT, readBackupFile, writeBackupFile, type BackupHeader, type BackupLine, type BackupRecord } from './backup-file';

const folder = mkdtempSync(path.join(os.tmpdir(), 'border-kg-backup-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const newFile = (extension = '.jsonl.gz') => path.join(folder, `backup-${++files}${extension}`);

const header: BackupHeader = {
  format: BACKUP_FORMAT,
  version: 1,
  createdAt: '2025-03-01T10:20:30.000Z',
  neo4j: { version: '5.26.0', edition: 'community', database: 'neo4j' },
  counts: { nodes: 2, relationships: 1 },
  migrations: ['001_entity_id_unique.cypher'],
};

const records: BackupRecord[] = [
  { kind: 'node', id: '4:x:0', labels: ['Entity', 'Place'], properties: { id: ['STRING', 'place:canada'], name: ['STRING', 'Canada'] } },
  { kind: 'node', id: '4:x:1', labels: ['Entity', 'Place'], properties: { id: ['STRING', 'place:москва'] } },
  { kind: 'relationship', type: 'BORDERS', start: '4:x:0', end: '4:x:1', properties: { since: ['INTEGER', '9007199254740993'] } },
];

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function readAll(file: string): Promise<BackupLine[]> {
  const lines: BackupLine[] = [];
  for await (const line of readBackupFile(file)) lines.push(line);
  return lines;
}

/** A file written by writeBackupFile, its text changed by `edit` and written back as it was (gzipped or not). */
async function edited(edit: (text: string) => string, extension = '.jsonl.gz'): Promise<string> {
  const file = newFile(extension);
  await writeBackupFile(file, header, from(records));
  const gzipped = extension.endsWith('.gz');
  const text = (gzipped ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8');
  const changed = Buffer.from(edit(text), 'utf8');
  writeFileSync(file, gzipped ? gzipSync(changed) : changed);
  return file;
}

const refusal = (code: BackupErrorCode) => expect.objectContaining({ code });

describe('writeBackupFile and readBackupFile', () => {
  it.each(['.jsonl.gz', '.jsonl'])('write and read back the header, the records in order and the checked trailer (%s)', async (extension) => {
    const file = newFile(extension);
    const { trailer, bytes } = await writeBackupFile(file, header, from(records));
    expect(trailer).toEqual({ nodes: 2, relationships: 1, labels: { Entity: 2, Place: 2 }, types: { BORDERS: 1 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(bytes).toBe(readFileSync(file).length);
    expect(readFileSync(file)[0] === 0x1f).toBe(extension.endsWith('.gz'));
    expect(await readAll(file)).toEqual([{ kind: 'header', header }, ...records, { kind: 'trailer', trailer }]);
  });

  it('never overwrites a file, and leaves nothing behind when the records fail', async () => {
    const existing = newFile();
    writeFileSync(existing, 'precious');
    await expect(writeBackupFile(existing, header, from(records))).rejects.toEqual(refusal(BackupErrorCode.OUTPUT_EXISTS));
    expect(readFileSync(existing, 'utf8')).toBe('precious');

    const failing = newFile();
    async function* failingRecords(): AsyncGenerator<BackupRecord> {
      yield records[0]!;
      throw new Error('the database went away');
    }
    const before = readdirSync(folder).length;
    await expect(writeBackupFile(failing, header, failingRecords())).rejects.toThrow('the database went away');
    expect(readdirSync(folder)).toHaveLength(before);
  });

  it('refuses a file cut short, compressed or not', async () => {
    const gzipped = newFile();
    await writeBackupFile(gzipped, header, from(records));
    const whole = readFileSync(gzipped);
    writeFileSync(gzipped, whole.subarray(0, whole.length - 30));
    await expect(readAll(gzipped)).rejects.toEqual(refusal(BackupErrorCode.TRUNCATED));

    const plain = await edited((text) => text.split('\n').slice(0, 3).join('\n'), '.jsonl');
    await expect(readAll(plain)).rejects.toEqual(refusal(BackupErrorCode.TRUNCATED));
  });

  it('refuses a file whose content was edited, by its sha256', async () => {
    const file = await edited((text) => text.replace('"Canada"', '"Kanada"'));
    await expect(readAll(file)).rejects.toEqual(refusal(BackupErrorCode.CHECKSUM_MISMATCH));
  });

  it('refuses a record removed with its count in the trailer kept', async () => {
    const file = await edited((text) => text.replace(/^\{"node":"4:x:1".*\n/m, ''));
    await expect(readAll(file)).rejects.toEqual(refusal(BackupErrorCode.CHECKSUM_MISMATCH));
  });

  it.each([
    ['a CSV file', () => 'date,count\n2024-01,3\n', BackupErrorCode.NOT_A_BACKUP],
    ['an empty file', () => '', BackupErrorCode.NOT_A_BACKUP],
    ['another format version', (text: string) => text.replace('"version":1', '"version":2'), BackupErrorCode.UNSUPPORTED_VERSION],
    ['a line that is not JSON', (text: string) => text.replace('{"node":"4:x:1"', '{node'), BackupErrorCode.CORRUPT],
    ['a line after the trailer', (text: string) => `${text}{"node":"4:x:9","labels":[],"properties":{}}\n`, BackupErrorCode.CORRUPT],
    ['a record of neither kind', (text: string) => text.replace('"relationship":"BORDERS"', '"edge":"BORDERS"'), BackupErrorCode.CORRUPT],
  ])('refuses %s', async (_what, edit, code) => {
    const file = await edited(edit, '.jsonl');
    await expect(readAll(file)).rejects.toEqual(refusal(code));
  });

  it('refuses a node after the relationships', async () => {
    const file = newFile();
    await writeBackupFile(file, header, from([records[0]!, records[2]!, records[1]!]));
    await expect(readAll(file)).rejects.toEqual(refusal(BackupErrorCode.CORRUPT));
  });
});
