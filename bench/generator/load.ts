import neo4j, { type Driver } from 'neo4j-driver';
import { KIND_LABEL, RELATION_TYPES, relationId, type EntityKind } from '../../src/index';
import { GENERATOR_VERSION, type Corpus, type CorpusMention, type CorpusNode } from './corpus';

/** Relation types go into the Cypher text (CREATE ... [:$(row.type)]): only the ontology's. */
const KNOWN_RELATION_TYPES: ReadonlySet<string> = new Set(RELATION_TYPES.map((definition) => definition.type));

/** Rows per UNWIND and transaction: big enough to amortise a commit, small enough for the heap. */
const BATCH = 10_000;
/** Articles generated and written per step; their relations and mentions follow them. */
const ARTICLES_PER_CHUNK = 100;

export interface LoadReport {
  scale: string;
  seed: string;
  generatorVersion: number;
  /** Concurrent write transactions. */
  writers?: number;
  entities: number;
  relations: number;
  mentions: number;
  /**
   * Wall-clock seconds: `entities` is the phase that writes every non-article node; `articles`
   * the phase that writes the articles with their relations and mentions; `relations` and
   * `mentions` the time spent in those transactions (they overlap when writers > 1).
   */
  seconds: { total: number; entities: number; articles?: number; relations: number; mentions: number };
  /**
   * Rows per second: entities over the entity phase; relations, mentions and both together
   * ("relationships") over the article phase; overallRelationsAndMentions over the whole load.
   */
  perSecond: { entities: number; relations: number; mentions: number; relationships?: number; overallRelationsAndMentions: number };
  loadedAt: string;
}

// A node statement names its label (one of the ontology's kinds); relationships take their type
// from the row ($(row.type), checked against the ontology first), so that one batch of 10,000
// rows mixes types and costs one commit.
const nodeStatement = (label: string) => `
UNWIND $rows AS row
CREATE (n:Entity:${label})
SET n = row,
    n.periodStart = date(row.periodStart),
    n.periodEnd = date(row.periodEnd),
    n.publishedOn = date(row.publishedOn)`;

const RELATION_STATEMENT = `
UNWIND $rows AS row
MATCH (from:Entity {id: row.fromId})
MATCH (to:Entity {id: row.toId})
CREATE (from)-[r:$(row.type)]->(to)
SET r.id = row.id, r.evidence = row.evidence`;

const MENTION_STATEMENT = `
UNWIND $rows AS row
MATCH (article:Entity {id: row.articleId})
MATCH (entity:Entity {id: row.entityId})
CREATE (article)-[m:MENTIONS]->(entity)
SET m.position = toInteger(row.position), m.sentence = row.sentence`;

function batches<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Writes the corpus with batched, parameterised UNWIND statements into an empty database whose
 * migrations (the unique id constraint and the full-text index) are applied, and measures it.
 */
export async function loadCorpus(
  driver: Driver,
  corpus: Corpus,
  progress: (line: string) => void = () => {},
  writers = 1,
): Promise<LoadReport> {
  const timing = { entities: 0, relations: 0, mentions: 0 };
  const counts = { entities: 0, relations: 0, mentions: 0 };
  const session = () => driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.WRITE });
  const write = async (statement: string, rows: object[], what: keyof typeof timing) => {
    if (rows.length === 0) return;
    const started = performance.now();
    const s = session();
    try {
      await s.executeWrite((tx) => tx.run(statement, { rows }), { timeout: 600_000 });
    } finally {
      await s.close();
    }
    timing[what] += (performance.now() - started) / 1000;
    counts[what] += rows.length;
  };
  // Up to `writers` transactions in flight; submit() waits for a free slot, not for the write.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const submit = async (statement: string, rows: object[], what: keyof typeof timing) => {
    while (inFlight.size >= writers) await Promise.race(inFlight);
    if (failure) throw failure;
    const done: Promise<void> = write(statement, rows, what)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  const drain = async () => {
    await Promise.all(inFlight);
    if (failure) throw failure;
  };
  const writeNodes = async (nodes: readonly CorpusNode[]) => {
    const byKind = new Map<EntityKind, Record<string, unknown>[]>();
    for (const node of nodes) {
      const rows = byKind.get(node.kind) ?? [];
      rows.push(node.props);
      byKind.set(node.kind, rows);
    }
    for (const [kind, rows] of byKind) for (const batch of batches(rows)) await submit(nodeStatement(KIND_LABEL[kind]), batch, 'entities');
  };
  // Relations and mentions wait in buffers until a batch is full; their articles are written first.
  const relationRows: object[] = [];
  const mentionRows: CorpusMention[] = [];
  const flush = async (all: boolean) => {
    while (relationRows.length >= BATCH || (all && relationRows.length > 0)) {
      await submit(RELATION_STATEMENT, relationRows.splice(0, BATCH), 'relations');
    }
    while (mentionRows.length >= BATCH || (all && mentionRows.length > 0)) {
      await submit(MENTION_STATEMENT, mentionRows.splice(0, BATCH), 'mentions');
    }
  };

  const started = performance.now();
  await writeNodes([...corpus.entityNodes()]);
  await drain();
  const entityPhase = (performance.now() - started) / 1000;
  const entityCount = counts.entities;
  progress(`entities: ${entityCount} in ${entityPhase.toFixed(1)} s`);

  let articles = 0;
  let lastReport = performance.now();
  const articlesStarted = performance.now();
  for (const chunk of corpus.articleChunks(ARTICLES_PER_CHUNK)) {
    // Relations name these articles: they must be committed before any of those relations is sent.
    await writeNodes(chunk.articles);
    await drain();
    for (const relation of chunk.relations) {
      if (!KNOWN_RELATION_TYPES.has(relation.type)) throw new Error(`not a relation type of the ontology: ${relation.type}`);
      relationRows.push({ ...relation, id: relationId(relation.fromId, relation.type, relation.toId) });
    }
    mentionRows.push(...chunk.mentions);
    await flush(false);
    articles += chunk.articles.length;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      progress(`articles ${articles}/${corpus.articleCount}: ${counts.relations} relations, ${counts.mentions} mentions`);
    }
  }
  await flush(true);
  await drain();
  const articlePhase = (performance.now() - articlesStarted) / 1000;
  const total = (performance.now() - started) / 1000;
  const rate = (rows: number, seconds: number) => Math.round(rows / Math.max(seconds, 1e-6));
  return {
    scale: corpus.spec.name,
    seed: corpus.seed,
    generatorVersion: GENERATOR_VERSION,
    writers,
    entities: counts.entities,
    relations: counts.relations,
    mentions: counts.mentions,
    seconds: {
      total: round1(total),
      entities: round1(entityPhase),
      articles: round1(articlePhase),
      relations: round1(timing.relations),
      mentions: round1(timing.mentions),
    },
    perSecond: {
      entities: rate(entityCount, entityPhase),
      relations: rate(counts.relations, articlePhase),
      mentions: rate(counts.mentions, articlePhase),
      relationships: rate(counts.relations + counts.mentions, articlePhase),
      overallRelationsAndMentions: rate(counts.relations + counts.mentions, total),
    },
    loadedAt: new Date().toISOString(),
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
