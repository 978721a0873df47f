import { parseCommandLine, UsageError } from '../ingestion';
import { isIsoDate } from '../ontology';
import type { ImportOutcome, ImportProgress } from './dataset-import';
import type { ReleaseMetadata } from './dataset-mapping';
import { coverageOf } from './dataset.record';
import { monthsBetween } from './periods';

/**
 * What `npm run import` (scripts/import.ts) does apart from connecting to Neo4j and drawing
 * progress: its arguments, its progress lines and its summary. It shares `npm run ingest`'s
 * usage errors and exit statuses (EXIT).
 */

export const IMPORT_USAGE = `usage: npm run import -- <mapping.json> <file.csv> [--release-label LABEL] [--published YYYY-MM-DD]

  Imports a CSV file as a release of the mapping's dataset (docs/datasets.md): every row is
  checked first, and a refused file imports nothing. The same file again is a no-op; another
  file is a new release, kept beside the earlier ones. --release-label and --published name
  the release when it is not the one the mapping names (the next month's file, say).
  Neo4j: NEO4J_URI and the other variables of \`npm start\`; without NEO4J_URI the local one is
  started (stop \`npm start\` first: the local data folder has one owner at a time).
  Exit status: 0 imported or unchanged, 1 refused, 2 a usage error, 3 the run could not go on.`;

export interface ImportArgs {
  mapping: string;
  csv: string;
  /** What is given replaces the mapping's release label or date. */
  release: Partial<ReleaseMetadata>;
}

/** The command line after `--`; 'help' for --help. */
export function parseImportArgs(argv: readonly string[]): ImportArgs | 'help' {
  const { values, positionals } = parseCommandLine(argv, {
    'release-label': { type: 'string' },
    published: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 2) throw new UsageError(`a mapping file and a CSV file are needed, got ${positionals.length} argument(s)`);
  const published = values.published;
  if (published !== undefined && !isIsoDate(published)) throw new UsageError(`--published must be a calendar date YYYY-MM-DD, not "${published}"`);
  const label = values['release-label']?.trim();
  if (label === '') throw new UsageError('--release-label is blank');
  return {
    mapping: positionals[0]!,
    csv: positionals[1]!,
    release: { ...(label !== undefined ? { label } : {}), ...(published !== undefined ? { publishedOn: published } : {}) },
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** One line of progress, for output that is not a terminal. */
export function progressLine({ phase, rows, totalRows, bytes, totalBytes }: ImportProgress): string {
  const share = phase === 'checking' ? bytes / Math.max(totalBytes, 1) : rows / Math.max(totalRows ?? rows, 1);
  return `${phase} ${count(rows)}${totalRows === null ? '' : ` of ${count(totalRows)}`} rows (${Math.round(share * 100)} %)`;
}

/** The closing report of an import. */
export function formatImportSummary(outcome: ImportOutcome): string {
  const { release } = outcome;
  const coverage = coverageOf(release);
  const lines = [
    outcome.status === 'imported' ? 'Summary: imported' : `Summary: unchanged (the dataset holds this file already, imported ${release.importedAt}): nothing was written`,
    `  dataset: ${release.datasetId}`,
    `  release: ${release.id} ("${release.label}"${release.publishedOn ? `, published ${release.publishedOn}` : ''}), sha256 ${release.checksum}`,
    `  observations: ${count(release.observationCount)} over ${monthsBetween(release.firstMonth, release.lastMonth)} months (${coverage.label})`,
    `  measures: ${release.measures.join(', ')}${release.unit ? ` (${release.unit})` : ''}`,
    `  dimensions: ${release.dimensions.map((dimension) => `${dimension.name} (${dimension.values.length} values${release.subtotalDimensions.includes(dimension.name) ? '' : ', no subtotals'})`).join(', ') || 'none'}`,
  ];
  if (outcome.ignoredColumns.length > 0) lines.push(`  columns not read: ${outcome.ignoredColumns.join(', ')}`);
  const perSecond = outcome.status === 'imported' && outcome.seconds > 0 ? `, ${count(Math.round(release.observationCount / outcome.seconds))} rows/s` : '';
  lines.push(`  elapsed: ${outcome.seconds.toFixed(1)} s${perSecond}`);
  return lines.join('\n');
}
