import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsv, sha256Of } from './csv-rows';
import { DatasetImportError } from './import-error';

const folder = mkdtempSync(path.join(os.tmpdir(), 'border-kg-csv-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const target = path.join(folder, name);
  writeFileSync(target, bytes);
  return target;
}

async function readAll(target: string) {
  const csv = readCsv(target);
  const rows = [];
  for await (const row of csv.rows) rows.push(row);
  return { rows, checksum: csv.checksum() };
}

async function refusal(target: string): Promise<DatasetImportError> {
  const error = await readAll(target).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DatasetImportError);
  return error as DatasetImportError;
}

describe('readCsv', () => {
  it('gives each record with the line it ends on, past a byte-order mark, blank lines and a quoted line break', async () => {
    const text = '\uFEFFa,b\r\n1,"x"\r\n\r\n2,"two\nlines"\r\n';
    const { rows, checksum } = await readAll(file('good.csv', text));
    expect(rows).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'x'], line: 2 },
      { fields: ['2', 'two\nlines'], line: 5 },
    ]);
    expect(checksum).toBe(createHash('sha256').update(text).digest('hex'));
    expect(await sha256Of(file('same.csv', text))).toBe(checksum);
  });

  it('refuses bytes that are not UTF-8, at their line', async () => {
    const error = await refusal(file('latin1.csv', Buffer.from('a,b\n1,2\nMontréal,3\n', 'latin1')));
    expect(error.extensions).toMatchObject({ reason: 'NOT_CSV', line: 3 });
    expect(error.message).toContain('not UTF-8');
  });

  it('refuses binary data, at the line of its first NUL byte', async () => {
    expect((await refusal(file('binary.csv', Buffer.from([0x61, 0x0a, 0x62, 0x00])))).extensions).toMatchObject({ reason: 'NOT_CSV', line: 2 });
  });

  it('refuses a record of another width than the header, and a stray quote, at their line', async () => {
    const width = await refusal(file('width.csv', 'a,b\n1,2\n3\n'));
    expect(width.extensions).toMatchObject({ reason: 'NOT_CSV', line: 3 });
    expect(width.message).toMatch(/^line 3: malformed CSV: /);
    expect((await refusal(file('quote.csv', 'a,b\n1,x"y"z\n'))).extensions).toMatchObject({ reason: 'NOT_CSV', line: 2 });
  });
});
