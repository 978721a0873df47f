import { readFileSync } from 'node:fs';
import { ENTITY_ID_PATTERN } from '../graphql/input-rules';
import { isIsoDate } from '../ontology';
import { DatasetImportError } from './import-error';
import { fiscalMonth, monthStart, parseFiscalYear, parseIsoMonth, parseMonth, parseYear, type Month } from './periods';

/**
 * A mapping file (data/datasets/*.mapping.json, docs/datasets.md): what a dataset is and how the
 * columns of its CSV files become observations, so that a new release, or another agency's tidy
 * CSV, is imported without code.
 */
export interface DatasetMapping {
  dataset: DatasetMetadata;
  release: ReleaseMetadata;
  /** The columns that give an observation's month. */
  period: PeriodColumns;
  /** Columns whose values an observation is broken down by, e.g. "Component". */
  dimensions: string[];
  /** One measure for every row, or a column that names each row's. */
  measure: { name: string } | { column: string };
  /** The column of the number. */
  value: string;
  /** What the values count, e.g. "encounters"; null when the mapping does not say. */
  unit: string | null;
}

export interface DatasetMetadata {
  /** "dataset:<slug>", the id clients use. */
  id: string;
  title: string;
  /** The organization of the graph that publishes it, e.g. "organization:us-customs-and-border-protection". */
  publisherId: string | null;
  url: string | null;
  licence: string | null;
  description: string | null;
}

export interface ReleaseMetadata {
  /** The agency's name for the release, e.g. "August 2025". */
  label: string;
  /** When the agency published it (YYYY-MM-DD); null when not known. */
  publishedOn: string | null;
}

export type PeriodColumns =
  /** A U.S. fiscal year ("2024", "2025 (FYTD)") and a month ("DEC"): DEC of 2024 is December 2023. */
  | { fiscalYear: string; month: string }
  /** A calendar year and a month. */
  | { year: string; month: string }
  /** An ISO month or date, "2024-02" or "2024-02-17". */
  | { date: string };

/** An observation as a row of the file gives it. */
export interface MappedRow {
  measure: string;
  /** The month, as its first day. */
  month: string;
  /** In the order of the mapping's dimensions. */
  dimensionValues: string[];
  value: number;
}

const DATASET_ID_PATTERN = /^dataset:[a-z0-9][a-z0-9-]*$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function refuse(field: string, message: string): never {
  throw new DatasetImportError(`mapping ${field}: ${message}`, { reason: 'BAD_MAPPING', field: `mapping.${field}` });
}

/** Refuses keys the format does not have: a misspelt "dimension" must not pass as no dimensions. */
function onlyKeys(value: Record<string, unknown>, field: string, allowed: readonly string[]): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) refuse(field || 'file', `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (expected ${allowed.join(', ')})`);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') refuse(field, 'expected a non-empty string');
  return value.trim();
}

function optionalText(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : text(value, field);
}

function readDataset(value: unknown): DatasetMetadata {
  if (!isObject(value)) refuse('dataset', 'expected an object with id and title');
  onlyKeys(value, 'dataset', ['id', 'title', 'publisherId', 'url', 'licence', 'description']);
  const id = text(value.id, 'dataset.id');
  if (!DATASET_ID_PATTERN.test(id)) refuse('dataset.id', `"${id}" must look like "dataset:<lower-case-slug>"`);
  const publisherId = optionalText(value.publisherId, 'dataset.publisherId');
  if (publisherId !== null && !(ENTITY_ID_PATTERN.test(publisherId) && publisherId.startsWith('organization:'))) {
    refuse('dataset.publisherId', `"${publisherId}" must be an organization's id, "organization:<slug>"`);
  }
  const url = optionalText(value.url, 'dataset.url');
  if (url !== null && !/^https?:\/\/\S+$/.test(url)) refuse('dataset.url', `"${url}" is not an http(s) URL`);
  return {
    id,
    title: text(value.title, 'dataset.title'),
    publisherId,
    url,
    licence: optionalText(value.licence, 'dataset.licence'),
    description: optionalText(value.description, 'dataset.description'),
  };
}

export function readRelease(value: unknown, field = 'release'): ReleaseMetadata {
  if (!isObject(value)) refuse(field, 'expected an object with label and publishedOn');
  onlyKeys(value, field, ['label', 'publishedOn']);
  const publishedOn = optionalText(value.publishedOn, `${field}.publishedOn`);
  if (publishedOn !== null && !isIsoDate(publishedOn)) refuse(`${field}.publishedOn`, `"${publishedOn}" is not a date YYYY-MM-DD`);
  return { label: text(value.label, `${field}.label`), publishedOn };
}

function readPeriod(value: unknown): PeriodColumns {
  if (!isObject(value)) refuse('period', 'expected an object');
  if ('fiscalYear' in value) {
    onlyKeys(value, 'period', ['fiscalYear', 'month']);
    return { fiscalYear: text(value.fiscalYear, 'period.fiscalYear'), month: text(value.month, 'period.month') };
  }
  if ('year' in value) {
    onlyKeys(value, 'period', ['year', 'month']);
    return { year: text(value.year, 'period.year'), month: text(value.month, 'period.month') };
  }
  if ('date' in value) {
    onlyKeys(value, 'period', ['date']);
    return { date: text(value.date, 'period.date') };
  }
  return refuse('period', 'expected { fiscalYear, month }, { year, month } or { date }');
}

function readMeasure(value: unknown): DatasetMapping['measure'] {
  if (!isObject(value) || ('name' in value) === ('column' in value)) refuse('measure', 'expected { "name": "<one measure>" } or { "column": "<column naming it>" }');
  if ('name' in value) {
    onlyKeys(value, 'measure', ['name']);
    return { name: text(value.name, 'measure.name') };
  }
  onlyKeys(value, 'measure', ['column']);
  return { column: text(value.column, 'measure.column') };
}

/** A mapping read from JSON, every field checked; refusals name the field (BAD_MAPPING). */
export function parseMapping(json: unknown): DatasetMapping {
  if (!isObject(json)) refuse('file', 'expected a JSON object');
  onlyKeys(json, '', ['dataset', 'release', 'period', 'dimensions', 'measure', 'value', 'unit']);
  const dimensions = json.dimensions ?? [];
  if (!Array.isArray(dimensions)) refuse('dimensions', 'expected a list of column names');
  const mapping: DatasetMapping = {
    dataset: readDataset(json.dataset),
    release: readRelease(json.release),
    period: readPeriod(json.period),
    dimensions: dimensions.map((dimension, index) => text(dimension, `dimensions[${index}]`)),
    measure: readMeasure(json.measure),
    value: text(json.value, 'value'),
    unit: optionalText(json.unit, 'unit'),
  };
  const columns = namedColumns(mapping);
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) refuse('file', `column "${repeated}" is given two roles`);
  return mapping;
}

/** Reads and checks a mapping file. */
export function readMappingFile(file: string): DatasetMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DatasetImportError(`mapping file ${file}: ${error instanceof Error ? error.message : String(error)}`, { reason: 'BAD_MAPPING', field: 'mapping' });
  }
  return parseMapping(json);
}

/** Every column the mapping reads, in the order period, dimensions, measure, value. */
export function namedColumns(mapping: DatasetMapping): string[] {
  const { period, measure } = mapping;
  const periodColumns = 'date' in period ? [period.date] : ['fiscalYear' in period ? period.fiscalYear : period.year, period.month];
  return [...periodColumns, ...mapping.dimensions, ...('column' in measure ? [measure.column] : []), mapping.value];
}

/** Reads one row (its fields, its line in the file) into an observation, or refuses it. */
export type RowReader = (fields: readonly string[], line: number) => MappedRow;

/** "1234", "-5.5" and "1,234,567"; not "1.234,5", "1e3" or "" (a blank is no number: the agency suppressed or lacks it). */
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * Checks the header against the mapping (line 1) and returns what reads each row into an
 * observation, refusing a period that does not parse or a value that is not a number with
 * the line and the column.
 */
export function rowReader(mapping: DatasetMapping, header: readonly string[]): RowReader {
  const named = namedColumns(mapping);
  const indexOf = new Map<string, number>();
  header.forEach((name, index) => {
    if (indexOf.has(name) && named.includes(name)) {
      throw new DatasetImportError(`the header names column "${name}" twice`, { reason: 'MISSING_COLUMN', field: 'csv', line: 1, column: name });
    }
    indexOf.set(name, index);
  });
  const column = (name: string, field: string) => {
    const index = indexOf.get(name);
    if (index === undefined) {
      throw new DatasetImportError(`the mapping's ${field} names column "${name}", which the header lacks (it has ${header.map((h) => `"${h}"`).join(', ')})`, {
        reason: 'MISSING_COLUMN',
        field: `mapping.${field}`,
        line: 1,
        column: name,
      });
    }
    return index;
  };

  const readMonth = periodReader(mapping.period, column);
  const dimensionIndexes = mapping.dimensions.map((name, index) => column(name, `dimensions[${index}]`));
  const { measure } = mapping;
  const measureIndex = 'column' in measure ? column(measure.column, 'measure.column') : null;
  const valueIndex = column(mapping.value, 'value');

  return (fields, line) => {
    const measureName = measureIndex === null ? (measure as { name: string }).name : fields[measureIndex]!.trim();
    if (measureName === '') throw new DatasetImportError(`the measure column "${(measure as { column: string }).column}" is empty`, { reason: 'MISSING_VALUE', field: 'csv', line });
    const valueText = fields[valueIndex]!.trim();
    if (!NUMBER.test(valueText)) {
      throw new DatasetImportError(`"${valueText}" in column "${mapping.value}" is not a number`, { reason: 'NOT_A_NUMBER', field: 'csv', line, column: mapping.value });
    }
    return {
      measure: measureName,
      month: monthStart(readMonth(fields, line)),
      dimensionValues: dimensionIndexes.map((index) => fields[index]!.trim()),
      value: Number(valueText.replace(/,/g, '')),
    };
  };
}

function periodReader(period: PeriodColumns, column: (name: string, field: string) => number): (fields: readonly string[], line: number) => Month {
  const refuse = (line: number, name: string, value: string, expected: string): never => {
    throw new DatasetImportError(`"${value}" in column "${name}" is not ${expected}`, { reason: 'BAD_PERIOD', field: 'csv', line, column: name });
  };
  if ('date' in period) {
    const index = column(period.date, 'period.date');
    return (fields, line) => parseIsoMonth(fields[index]!) ?? refuse(line, period.date, fields[index]!, 'a month YYYY-MM or a date YYYY-MM-DD');
  }
  const monthIndex = column(period.month, 'period.month');
  const fiscal = 'fiscalYear' in period;
  const yearName = fiscal ? period.fiscalYear : period.year;
  const yearIndex = column(yearName, fiscal ? 'period.fiscalYear' : 'period.year');
  return (fields, line) => {
    const yearText = fields[yearIndex]!;
    const year = (fiscal ? parseFiscalYear(yearText) : parseYear(yearText)) ?? refuse(line, yearName, yearText, fiscal ? 'a fiscal year ("2024", "FY2024", "2025 (FYTD)")' : 'a year');
    const month = parseMonth(fields[monthIndex]!) ?? refuse(line, period.month, fields[monthIndex]!, 'a month ("DEC", "December", "12")');
    return fiscal ? fiscalMonth(year, month) : { year, month };
  };
}
