import { describe, expect, it } from '@jest/globals';
import neo4j, { Date as Neo4jDate, DateTime, Duration, Integer, LocalDateTime, LocalTime, Point, Time } from 'neo4j-driver';
import { BackupErrorCode } from './backup-error';
import { decodeProperties, decodeValue, encodeProperties, encodeValue } from './property-values';

/** What a restore gets back for a value the dump read: through the file's JSON and out again. */
const throughFile = (type: string, value: unknown) => decodeValue(JSON.parse(JSON.stringify(encodeValue(type, value))));

describe('encodeValue and decodeValue', () => {
  it('keep integers exact beyond 2^53, as decimal text, across the whole 64-bit range', () => {
    for (const text of ['9007199254740993', '-9223372036854775808', '9223372036854775807', '0', '-42']) {
      expect(encodeValue('INTEGER', text)).toEqual(['INTEGER', text]);
      const decoded = throughFile('INTEGER', text) as Integer;
      expect(neo4j.isInt(decoded)).toBe(true);
      expect(decoded.toString()).toBe(text);
    }
    expect((throughFile('LIST<INTEGER>', ['1', '9007199254740993']) as Integer[]).map(String)).toEqual(['1', '9007199254740993']);
  });

  it('keeps a float a float, 1.0 included, and NaN, the infinities and -0, which JSON has not', () => {
    // A JS number goes to Neo4j as a float; an Integer (above) as an integer.
    expect(throughFile('FLOAT', 1)).toBe(1);
    expect(throughFile('FLOAT', 0.1)).toBe(0.1);
    expect(throughFile('FLOAT', Number.NaN)).toBeNaN();
    expect(throughFile('FLOAT', Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(throughFile('FLOAT', Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(throughFile('FLOAT', -0), -0)).toBe(true);
    expect(encodeValue('LIST<FLOAT>', [1, 2.5])).toEqual(['LIST<FLOAT>', [1, 2.5]]);
  });

  it('keeps strings (any script, emoji, quotes and newlines) and booleans as they are', () => {
    const text = 'Москва 北京 🇨🇦 "quoted"\nnext line \u200f';
    expect(throughFile('STRING', text)).toBe(text);
    expect(throughFile('BOOLEAN', false)).toBe(false);
    expect(throughFile('LIST<STRING>', ['a', 'é'])).toEqual(['a', 'é']);
  });

  it('writes a zoned datetime with its offset and its zone, which settles a local time that clocks pass twice', () => {
    // 01:30 on 3 November 2024 happened twice in New York: first at -04:00, then at -05:00.
    const first = new DateTime(2024, 11, 3, 1, 30, 0, 0, -14400, 'America/New_York');
    const second = new DateTime(2024, 11, 3, 1, 30, 0, 0, -18000, 'America/New_York');
    expect(encodeValue('ZONED DATETIME', first)).toEqual(['ZONED DATETIME', '2024-11-03T01:30:00.000000000-04:00[America/New_York]']);
    expect(throughFile('ZONED DATETIME', first)).toEqual(first);
    expect(throughFile('ZONED DATETIME', second)).toEqual(second);
  });

  it('round-trips every temporal type to the nanosecond, with offsets in seconds and years outside 0000-9999', () => {
    const values: [string, unknown, string][] = [
      ['DATE', new Neo4jDate(1867, 7, 1), '1867-07-01'],
      ['DATE', new Neo4jDate(-1, 1, 1), '-0001-01-01'],
      ['DATE', new Neo4jDate(12345, 12, 31), '+12345-12-31'],
      ['LOCAL TIME', new LocalTime(23, 59, 59, 999999999), '23:59:59.999999999'],
      ['ZONED TIME', new Time(10, 0, 0, 5, 3600), '10:00:00.000000005+01:00'],
      ['ZONED TIME', new Time(10, 0, 0, 0, -1800), '10:00:00.000000000-00:30'],
      ['LOCAL DATETIME', new LocalDateTime(2024, 2, 29, 12, 0, 0, 1), '2024-02-29T12:00:00.000000001'],
      ['ZONED DATETIME', new DateTime(2024, 1, 1, 0, 0, 0, 0, 0, null), '2024-01-01T00:00:00.000000000+00:00'],
      // New York's local mean time, before standard time zones: an offset with seconds.
      ['ZONED DATETIME', new DateTime(1800, 1, 1, 0, 0, 0, 0, -17762, 'America/New_York'), '1800-01-01T00:00:00.000000000-04:56:02[America/New_York]'],
    ];
    for (const [type, value, text] of values) {
      expect(encodeValue(type, value)).toEqual([type, text]);
      expect(throughFile(type, value)).toEqual(value);
    }
  });

  it('keeps durations and points as their fields', () => {
    const duration = new Duration(14, 3, -1, 5);
    expect(encodeValue('DURATION', duration)).toEqual(['DURATION', { months: 14, days: 3, seconds: -1, nanoseconds: 5 }]);
    expect(throughFile('DURATION', duration)).toEqual(duration);
    const flat = new Point(7203, 1, 2);
    const spatial = new Point(4979, -75.7, 45.4, 70);
    expect(encodeValue('POINT', flat)).toEqual(['POINT', { srid: 7203, x: 1, y: 2 }]);
    expect(throughFile('POINT', flat)).toEqual(flat);
    expect(throughFile('POINT', spatial)).toEqual(spatial);
  });

  it('keeps lists of temporal values and empty lists', () => {
    const dates = [new Neo4jDate(2020, 1, 1), new Neo4jDate(2021, 6, 30)];
    expect(encodeValue('LIST<DATE>', dates)).toEqual(['LIST<DATE>', ['2020-01-01', '2021-06-30']]);
    expect(throughFile('LIST<DATE>', dates)).toEqual(dates);
    expect(encodeValue('LIST<NOTHING>', [])).toEqual(['LIST<NOTHING>', []]);
    expect(throughFile('LIST<NOTHING>', [])).toEqual([]);
  });

  it('refuses to back up a type it does not know, naming it', () => {
    expect(() => encodeValue('VECTOR<FLOAT32>(3)', [1, 2, 3])).toThrow(expect.objectContaining({ code: BackupErrorCode.UNSUPPORTED_TYPE, message: expect.stringContaining('VECTOR') }));
  });

  it.each([
    ['not a pair', 'place:canada'],
    ['an unknown type', ['MAP', {}]],
    ['an integer as a number', ['INTEGER', 42]],
    ['an integer past 64 bits', ['INTEGER', '9223372036854775808']],
    ['a float as text', ['FLOAT', '1.5']],
    ['a date in another shape', ['DATE', '1/7/1867']],
    ['a datetime without nanoseconds', ['ZONED DATETIME', '2024-01-01T00:00:00+00:00']],
    ['a duration missing a field', ['DURATION', { months: 1, days: 0, seconds: 0 }]],
    ['a point with a text coordinate', ['POINT', { srid: 7203, x: '1', y: 2 }]],
    ['a non-empty empty list', ['LIST<NOTHING>', [1]]],
    ['a list of the wrong elements', ['LIST<BOOLEAN>', ['yes']]],
  ])('refuses %s in a file as CORRUPT', (_what, encoded) => {
    expect(() => decodeValue(encoded)).toThrow(expect.objectContaining({ code: BackupErrorCode.CORRUPT }));
  });
});

describe('encodeProperties and decodeProperties', () => {
  it('turn the dump triples into a map of the file and back into values to send', () => {
    const encoded = encodeProperties([
      ['id', 'STRING', 'place:canada'],
      ['population', 'INTEGER', '41000000'],
      ['__proto__', 'BOOLEAN', true],
    ]);
    expect(Object.keys(encoded)).toEqual(['id', 'population', '__proto__']);
    const decoded = decodeProperties(JSON.parse(JSON.stringify(encoded)) as Record<string, unknown>);
    expect(decoded.id).toBe('place:canada');
    expect(String(decoded.population)).toBe('41000000');
    // A key named like Object's prototype stays a property, not the map's prototype.
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toBe(true);
  });
});
