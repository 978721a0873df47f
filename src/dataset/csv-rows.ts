import { parse, CsvError } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import { DatasetImportError } from './import-error';

/** One record of a CSV file: its fields and the line it ends on (the header is line 1). */
export interface CsvRow {
  fields: string[];
  line: number;
}

export interface CsvFile {
  /** sha256 of the bytes read, hex; known once the rows are all read. */
  checksum(): string;
  rows: AsyncIterable<CsvRow>;
}

function notCsv(message: string, line: number): DatasetImportError {
  return new DatasetImportError(message, { reason: 'NOT_CSV', field: 'csv', line });
}

/** Lines that start before `end` of a text (1-based line of the character at `end`). */
const lineAt = (text: string, end: number, linesBefore: number) => linesBefore + 1 + (text.slice(0, end).match(/\n/g)?.length ?? 0);

/** The file's size in bytes; a file that cannot be read is refused (NO_FILE). */
export async function fileSize(file: string): Promise<number> {
  try {
    const stats = await stat(file);
    if (!stats.isFile()) throw new Error('not a file');
    return stats.size;
  } catch (error) {
    throw new DatasetImportError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, { reason: 'NO_FILE', field: 'csv' });
  }
}

/** sha256 of a file's bytes, hex: the identity of a release's file. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Streams the records of a CSV file through csv-parse, the header first, hashing the bytes as
 * they pass; `onBytes` is told how many were read. The parser gets text decoded strictly: a file
 * that is binary (a NUL byte) or not UTF-8 (a Windows-1252 export) is refused with the line where
 * that starts, rather than read as replacement characters. So is a record of another width than
 * the header, or a stray quote: csv-parse's error, with its line.
 */
export function readCsv(file: string, onBytes: (bytes: number) => void = () => {}): CsvFile {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let lines = 0;
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes(bytes);
      const nul = chunk.indexOf(0);
      if (nul >= 0) return done(notCsv('a NUL byte: binary data, not a CSV text file', lineAt(chunk.toString('latin1'), nul, lines)));
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const lossy = new TextDecoder('utf-8').decode(chunk);
        return done(notCsv('bytes that are not UTF-8: convert the file first (e.g. iconv -f WINDOWS-1252 -t UTF-8)', lineAt(lossy, Math.max(lossy.indexOf('\uFFFD'), 0), lines)));
      }
      lines += text.match(/\n/g)?.length ?? 0;
      done(null, text);
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(notCsv('a truncated UTF-8 character at the end: not a UTF-8 text file', lines + 1));
      }
    },
  });
  const parser = parse({ info: true, bom: true, skip_empty_lines: true });
  // pipeline destroys every stream with the first error, so iterating the parser throws it.
  pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), decode, parser, () => {});

  async function* rows(): AsyncGenerator<CsvRow> {
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { fields: record, line: info.lines };
      }
    } catch (error) {
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines ?? lines + 1;
        throw notCsv(`malformed CSV: ${error.message.replace(/ (?:at|on) line \d+/, '')}`, line);
      }
      throw error;
    }
  }
  return { checksum: () => hash.digest('hex'), rows: rows() };
}
