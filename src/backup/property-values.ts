import neo4j, { Date as Neo4jDate, DateTime, Duration, LocalDateTime, LocalTime, Point, Time } from 'neo4j-driver';
import { BackupError, BackupErrorCode } from './backup-error';

/**
 * Property values in a backup file, each tagged with its Cypher type so that it comes back as the
 * very type it was: an integer 1 and a float 1.0, a local and a zoned datetime, an empty list.
 * The tags are Cypher's own names, as valueType() gives them without "NOT NULL"
 * ("ZONED DATETIME", "LIST<FLOAT>"), so the dump can take them from the database rather than guess
 * them from what the driver hands over (which, lossless integers off, is one JS number for both
 * 1 and 1.0). Payloads are JSON that loses nothing: integers as decimal text (exact beyond 2^53),
 * floats as numbers but for NaN, ±Infinity and -0, temporal values as ISO 8601 text with nine
 * digits of fraction, durations and points as their fields.
 */

/** A property as the backup file holds it: [Cypher type, JSON payload]. */
export type EncodedValue = [type: string, payload: unknown];

const SCALAR_TYPES = [
  'BOOLEAN',
  'STRING',
  'INTEGER',
  'FLOAT',
  'DATE',
  'LOCAL TIME',
  'ZONED TIME',
  'LOCAL DATETIME',
  'ZONED DATETIME',
  'DURATION',
  'POINT',
] as const;
type ScalarType = (typeof SCALAR_TYPES)[number];

/** valueType() of an empty list: no element type to keep. */
const EMPTY_LIST = 'LIST<NOTHING>';

const isScalarType = (type: string): type is ScalarType => (SCALAR_TYPES as readonly string[]).includes(type);

/** "INTEGER" for "LIST<INTEGER>", null for a type that is not a list. */
function elementTypeOf(type: string): string | null {
  const match = /^LIST<(.+)>$/.exec(type);
  return match ? match[1]! : null;
}

/**
 * The file's form of a property read by the dump: `type` is its valueType() without "NOT NULL";
 * `value` is what the driver returned, but for integers (and lists of them), which the dump
 * sends as decimal text.
 */
export function encodeValue(type: string, value: unknown): EncodedValue {
  if (type === EMPTY_LIST) return [type, []];
  const elementType = elementTypeOf(type);
  if (elementType !== null) return [type, (value as unknown[]).map((item) => encodeScalar(elementType, item))];
  return [type, encodeScalar(type, value)];
}

/** A node's or relationship's properties as typed-properties.cypher returns them: [key, type, value] triples. */
export function encodeProperties(typed: readonly [key: string, type: string, value: unknown][]): Record<string, EncodedValue> {
  return Object.fromEntries(typed.map(([key, type, value]) => [key, encodeValue(type, value)]));
}

/** The properties to send to Neo4j for a node or relationship of the file. */
export function decodeProperties(encoded: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(encoded).map(([key, value]) => [key, decodeValue(value)]));
}

/** The value to send to Neo4j for a property of the file: a driver type wherever JSON has none. */
export function decodeValue(encoded: unknown): unknown {
  if (!Array.isArray(encoded) || encoded.length !== 2 || typeof encoded[0] !== 'string') {
    throw corrupt(`a property is not a [type, value] pair: ${preview(encoded)}`);
  }
  const [type, payload] = encoded as EncodedValue;
  if (type === EMPTY_LIST) {
    if (!Array.isArray(payload) || payload.length > 0) throw corrupt(`a ${EMPTY_LIST} holds ${preview(payload)}`);
    return [];
  }
  const elementType = elementTypeOf(type);
  if (elementType !== null) {
    if (!Array.isArray(payload)) throw corrupt(`a ${type} holds ${preview(payload)}`);
    return payload.map((item) => decodeScalar(elementType, item));
  }
  return decodeScalar(type, payload);
}

function encodeScalar(type: string, value: unknown): unknown {
  if (!isScalarType(type)) throw new BackupError(BackupErrorCode.UNSUPPORTED_TYPE, `properties of type ${type} cannot be backed up`);
  switch (type) {
    case 'BOOLEAN':
    case 'STRING':
    case 'INTEGER':
      return value;
    case 'FLOAT':
      return encodeFloat(value as number);
    case 'DATE':
      return formatDate(value as Neo4jDate<number>);
    case 'LOCAL TIME':
      return formatTime(value as LocalTime<number>);
    case 'ZONED TIME': {
      const time = value as Time<number>;
      return `${formatTime(time)}${formatOffset(time.timeZoneOffsetSeconds)}`;
    }
    case 'LOCAL DATETIME': {
      const local = value as LocalDateTime<number>;
      return `${formatDate(local)}T${formatTime(local)}`;
    }
    case 'ZONED DATETIME': {
      const zoned = value as DateTime<number>;
      // Both offset and zone: a local time in a zone is ambiguous where clocks go back, the offset settles it.
      return `${formatDate(zoned)}T${formatTime(zoned)}${formatOffset(zoned.timeZoneOffsetSeconds!)}${zoned.timeZoneId ? `[${zoned.timeZoneId}]` : ''}`;
    }
    case 'DURATION': {
      const { months, days, seconds, nanoseconds } = value as Duration<number>;
      return { months, days, seconds, nanoseconds };
    }
    case 'POINT': {
      const { srid, x, y, z } = value as Point<number>;
      return z === undefined ? { srid, x, y } : { srid, x, y, z };
    }
  }
}

/** JSON has no NaN, no infinities and no negative zero (JSON.stringify(-0) is "0"). */
function encodeFloat(value: number): number | string {
  if (Object.is(value, -0)) return '-0';
  return Number.isFinite(value) ? value : String(value);
}

const SPECIAL_FLOATS: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, '-0': -0 };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const DATE = String.raw`(?<year>[+-]\d{4,}|\d{4})-(?<month>\d{2})-(?<day>\d{2})`;
const TIME = String.raw`(?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})\.(?<nanosecond>\d{9})`;
const OFFSET = String.raw`(?<offset>[+-]\d{2}:\d{2}(?::\d{2})?)`;
const TEMPORAL_PATTERNS = {
  DATE: new RegExp(`^${DATE}$`),
  'LOCAL TIME': new RegExp(`^${TIME}$`),
  'ZONED TIME': new RegExp(`^${TIME}${OFFSET}$`),
  'LOCAL DATETIME': new RegExp(`^${DATE}T${TIME}$`),
  'ZONED DATETIME': new RegExp(`^${DATE}T${TIME}${OFFSET}(?:\\[(?<zone>[^\\]]+)\\])?$`),
} as const;

function decodeScalar(type: string, payload: unknown): unknown {
  if (!isScalarType(type)) throw corrupt(`unknown property type ${type}`);
  const wrong = () => corrupt(`a ${type} holds ${preview(payload)}`);
  /** The parts of a temporal value's text, numbers but for the offset and the zone. */
  const temporal = (pattern: RegExp) => {
    const parts = typeof payload === 'string' ? pattern.exec(payload)?.groups : undefined;
    if (!parts) throw wrong();
    const number = (name: string) => Number(parts[name]);
    return { number, offset: () => offsetSeconds(parts.offset!), zone: parts.zone ?? null };
  };
  switch (type) {
    case 'BOOLEAN':
      if (typeof payload !== 'boolean') throw wrong();
      return payload;
    case 'STRING':
      if (typeof payload !== 'string') throw wrong();
      return payload;
    case 'INTEGER': {
      if (typeof payload !== 'string' || !/^-?\d+$/.test(payload)) throw wrong();
      const value = BigInt(payload);
      if (value < INT64_MIN || value > INT64_MAX) throw wrong();
      return neo4j.int(payload);
    }
    case 'FLOAT':
      if (typeof payload === 'number') return payload;
      if (typeof payload === 'string' && Object.hasOwn(SPECIAL_FLOATS, payload)) return SPECIAL_FLOATS[payload];
      throw wrong();
    case 'DATE': {
      const { number } = temporal(TEMPORAL_PATTERNS.DATE);
      return new Neo4jDate(number('year'), number('month'), number('day'));
    }
    case 'LOCAL TIME': {
      const { number } = temporal(TEMPORAL_PATTERNS['LOCAL TIME']);
      return new LocalTime(number('hour'), number('minute'), number('second'), number('nanosecond'));
    }
    case 'ZONED TIME': {
      const { number, offset } = temporal(TEMPORAL_PATTERNS['ZONED TIME']);
      return new Time(number('hour'), number('minute'), number('second'), number('nanosecond'), offset());
    }
    case 'LOCAL DATETIME': {
      const { number } = temporal(TEMPORAL_PATTERNS['LOCAL DATETIME']);
      return new LocalDateTime(number('year'), number('month'), number('day'), number('hour'), number('minute'), number('second'), number('nanosecond'));
    }
    case 'ZONED DATETIME': {
      const { number, offset, zone } = temporal(TEMPORAL_PATTERNS['ZONED DATETIME']);
      return new DateTime(number('year'), number('month'), number('day'), number('hour'), number('minute'), number('second'), number('nanosecond'), offset(), zone);
    }
    case 'DURATION': {
      const { months, days, seconds, nanoseconds } = fields(payload, ['months', 'days', 'seconds', 'nanoseconds'], wrong);
      return new Duration(months, days, seconds, nanoseconds);
    }
    case 'POINT': {
      const { srid, x, y, z } = fields(payload, ['srid', 'x', 'y'], wrong, ['z']);
      return z === undefined ? new Point(srid, x, y) : new Point(srid, x, y, z);
    }
  }
}

/** "+05:30", "-04:56:02": seconds east of UTC. */
function offsetSeconds(text: string): number {
  const [hours, minutes, seconds = 0] = text.slice(1).split(':').map(Number);
  return (text.startsWith('-') ? -1 : 1) * (hours! * 3600 + minutes! * 60 + seconds);
}

/** An object of numbers with exactly the keys given (and the optional ones, if present). */
function fields<K extends string>(payload: unknown, required: K[], wrong: () => Error, optional: string[] = []): Record<K, number> & Record<string, number | undefined> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw wrong();
  const entries = Object.entries(payload);
  const known = new Set<string>([...required, ...optional]);
  if (!required.every((key) => key in payload) || entries.some(([key, value]) => !known.has(key) || typeof value !== 'number')) throw wrong();
  return payload as Record<K, number>;
}

const pad = (value: number, width: number) => String(Math.abs(value)).padStart(width, '0');

/** ISO 8601 years: four digits from 0000 to 9999, a sign and at least four outside (Cypher's range is ±999,999,999). */
function formatDate({ year, month, day }: { year: number; month: number; day: number }): string {
  const formattedYear = year < 0 ? `-${pad(year, 4)}` : year > 9999 ? `+${year}` : pad(year, 4);
  return `${formattedYear}-${pad(month, 2)}-${pad(day, 2)}`;
}

function formatTime({ hour, minute, second, nanosecond }: { hour: number; minute: number; second: number; nanosecond: number }): string {
  return `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(nanosecond, 9)}`;
}

/** +HH:MM, with :SS when the offset has seconds (zones' local mean times before 1900 do). */
function formatOffset(totalSeconds: number): string {
  const magnitude = Math.abs(totalSeconds);
  const seconds = magnitude % 60;
  return `${totalSeconds < 0 ? '-' : '+'}${pad(Math.floor(magnitude / 3600), 2)}:${pad(Math.floor(magnitude / 60) % 60, 2)}${seconds ? `:${pad(seconds, 2)}` : ''}`;
}

function corrupt(message: string): BackupError {
  return new BackupError(BackupErrorCode.CORRUPT, message);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
