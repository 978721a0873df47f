import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import path from 'node:path';
import { createIngestionScope } from '../src/app/context';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/config/logger';
import {
  EXIT,
  exitStatusOf,
  formatSummary,
  FOLDER_CONCURRENCY,
  ingestFile,
  listArticleFiles,
  mapConcurrently,
  parseIngestArgs,
  progressLine,
  USAGE,
  UsageError,
  type ArticleFiles,
  type FileOutcome,
  type IngestArgs,
} from '../src/ingestion';
import { withMigratedNeo4j } from '../src/neo4j/command-line-neo4j';
import type { Neo4jExecutor } from '../src/neo4j/neo4j-executor';

/**
 * `npm run ingest -- <file or folder> [options]` (USAGE in src/ingestion/ingest-cli.ts): ingests
 * articles as the API's ingestArticle does, one transaction each, into the configured Neo4j (the
 * local one when NEO4J_URI is unset), and ends with a summary.
 */
async function main(): Promise<number> {
  let args: IngestArgs | 'help';
  let listing: ArticleFiles;
  try {
    args = parseIngestArgs(process.argv.slice(2), new Date().toISOString().slice(0, 10));
    if (args === 'help') {
      console.log(USAGE);
      return EXIT.OK;
    }
    listing = listArticleFiles(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`border-kg ingest: ${error.message}\n\n${USAGE}`);
    return EXIT.USAGE;
  }

  const config = loadConfig();
  const log = createLogger(config.logLevel);
  return withMigratedNeo4j(config, log, (executor) => ingestAll(executor, args, listing));
}

async function ingestAll(executor: Neo4jExecutor, args: IngestArgs, listing: ArticleFiles): Promise<number> {
  const { files } = listing;
  // A bar redraws its line with control characters: only on a terminal. A log or CI gets a line per article.
  const bar =
    listing.folder && process.stdout.isTTY && process.stderr.isTTY
      ? new SingleBar({ format: 'ingesting [{bar}] {value}/{total} {file}', hideCursor: true, stream: process.stderr }, Presets.shades_classic)
      : null;
  const outcomes: FileOutcome[] = [];
  const started = performance.now();
  // Articles finish in any order (FOLDER_CONCURRENCY at once); the summary lists them in the folder's.
  const order = new Map(files.map((file, index) => [file.path, index]));
  const summary = () =>
    formatSummary({ outcomes: [...outcomes].sort((a, b) => order.get(a.file)! - order.get(b.file)!), total: files.length, ignored: listing.ignored, elapsedSeconds: (performance.now() - started) / 1000, dryRun: args.dryRun });

  // Ingesting changes no entity (only a review does): the names to match are read once.
  const knownEntities = await createIngestionScope(executor).repository.knownEntities();
  bar?.start(files.length, 0, { file: '' });
  let failedAt = '';
  try {
    await mapConcurrently(files, FOLDER_CONCURRENCY, async (file) => {
      // A scope per article, as the API has one per request: its loaders must not outlive it.
      const outcome = await ingestFile(createIngestionScope(executor).service, file.path, {
        format: file.format,
        title: args.title,
        url: args.url,
        publisher: args.publisher,
        publishedOn: args.publishedOn,
        dryRun: args.dryRun,
        knownEntities,
      }).catch((error: unknown) => {
        failedAt = file.path;
        throw error;
      });
      outcomes.push(outcome);
      if (bar) bar.increment(1, { file: path.basename(file.path) });
      else console.log(progressLine(outcomes.length, files.length, outcome, args.dryRun));
    });
  } catch (error) {
    bar?.stop();
    console.log(summary());
    console.error(`border-kg ingest: stopped at ${failedAt}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.FAILED;
  }
  bar?.stop();
  console.log(summary());
  return exitStatusOf(outcomes);
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`border-kg ingest: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT.FAILED;
  },
);
