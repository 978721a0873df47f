import type { PeriodRecord } from '../entity';
import type { DatasetMetadata } from './dataset-mapping';
import { monthEnd, monthLabel } from '../ontology';

/** Dataset ids are `dataset:<slug>`: no entity kind is called that, so `node(id)` tells them apart. */
const DATASET_ID_PREFIX = 'dataset:';

export function isDatasetId(id: string): boolean {
  return id.startsWith(DATASET_ID_PREFIX);
}

/** A dimension of a release and its values, in the order of their codes (the first met is 0). */
export interface DimensionRecord {
  name: string;
  values: string[];
}

/** A published release as stored on its (:DatasetRelease) node. */
export interface ReleaseRecord {
  /** "<dataset id>@<slug of the label>", e.g. "dataset:cbp-southwest-land-border-encounters@august-2025". */
  id: string;
  datasetId: string;
  label: string;
  publishedOn: string | null;
  /** sha256 of the file, hex. */
  checksum: string;
  /** When it was imported (ISO date-time). */
  importedAt: string;
  /** The file's name, without its folder. */
  file: string;
  observationCount: number;
  /** First days of the first and last month of the data. */
  firstMonth: string;
  lastMonth: string;
  measures: string[];
  unit: string | null;
  dimensions: DimensionRecord[];
  /** The dimensions with pre-aggregated sums per value (those with few enough values). */
  subtotalDimensions: string[];
}

/**
 * A dataset as resolvers receive it. `typeName` makes it identifiable as a Node without the
 * entity domain knowing this one. Releases newest first.
 */
export interface DatasetRecord extends DatasetMetadata {
  typeName: 'Dataset';
  releases: ReleaseRecord[];
}

const orNull = (value: unknown) => (value === undefined || value === null ? null : String(value));

export function toReleaseRecord(stored: Record<string, unknown>): ReleaseRecord {
  const names = stored.dimensionNames as string[];
  const values = JSON.parse(String(stored.dimensionValues)) as string[][];
  return {
    id: String(stored.id),
    datasetId: String(stored.datasetId),
    label: String(stored.label),
    publishedOn: orNull(stored.publishedOn),
    checksum: String(stored.checksum),
    importedAt: String(stored.importedAt),
    file: String(stored.file),
    observationCount: Number(stored.observationCount),
    firstMonth: String(stored.firstMonth),
    lastMonth: String(stored.lastMonth),
    measures: stored.measures as string[],
    unit: orNull(stored.unit),
    dimensions: names.map((name, index) => ({ name, values: values[index]! })),
    subtotalDimensions: stored.subtotalDimensions as string[],
  };
}

/** What a release's node stores: the record, its dimensions as names and a JSON list of value lists (properties hold no nested lists). */
export function toStoredRelease(release: ReleaseRecord): Record<string, unknown> {
  const { dimensions, ...rest } = release;
  return { ...rest, dimensionNames: dimensions.map((dimension) => dimension.name), dimensionValues: JSON.stringify(dimensions.map((dimension) => dimension.values)) };
}

/**
 * Newest first: the release whose data reach the latest month (agencies add a month each
 * release), then the later published, then the later imported.
 */
export function newestFirst(a: ReleaseRecord, b: ReleaseRecord): number {
  const later = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x > y ? -1 : 1);
  return later(a.lastMonth, b.lastMonth) || later(a.publishedOn, b.publishedOn) || later(a.importedAt, b.importedAt);
}

export function toDatasetRecord(stored: Record<string, unknown>, releases: Record<string, unknown>[]): DatasetRecord {
  return {
    typeName: 'Dataset',
    id: String(stored.id),
    title: String(stored.title),
    publisherId: orNull(stored.publisherId),
    url: orNull(stored.url),
    licence: orNull(stored.licence),
    description: orNull(stored.description),
    releases: releases.map(toReleaseRecord).sort(newestFirst),
  };
}

/** The months a release holds, as a period: "October 2021 to August 2025". */
export function coverageOf(release: ReleaseRecord): PeriodRecord {
  return { start: release.firstMonth, end: monthEnd(release.lastMonth), label: `${monthLabel(release.firstMonth)} to ${monthLabel(release.lastMonth)}` };
}
