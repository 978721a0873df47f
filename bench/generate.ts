import 'reflect-metadata';
import { DEFAULT_SEED } from './generator/corpus';
import { parseArgs, scaleArg } from './lib/args';
import { startLoadedNeo4j } from './lib/bench-neo4j';

/**
 * `node dist/bench/generate.js --scale small [--seed s] [--reload] [--writers 2]`: generates the corpus of a
 * scale into bench/data/<scale> (unless it is there already) and prints the load report.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const seed = args.get('seed') ?? DEFAULT_SEED;
  for (const scale of scaleArg(args.get('scale'), 'small')) {
    const { neo4j, report, loadedNow } = await startLoadedNeo4j(
      scale,
      seed,
      {
        heap: args.get('heap') ?? '4g',
        pageCacheMb: Number(args.get('pagecache-mb') ?? 4096),
        reload: args.has('reload'),
        writers: args.has('writers') ? Number(args.get('writers')) : undefined,
      },
      (line) => console.log(line),
    );
    await neo4j.stop();
    console.log(`${loadedNow ? 'Loaded' : 'Already loaded'}: ${JSON.stringify(report, null, 2)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
