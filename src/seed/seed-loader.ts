import type { Logger } from '../config/logger';
import { contentHashOf, normaliseArticleText } from '../article';
import { claimNames, describeNameConflict, nameClaimsOf, nameKeysOf, releaseNames, type NameClaim } from '../entity';
import { readCypher, splitStatements } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { EntityKind, KIND_LABEL, StatisticRank, provenanceNote, provenanceProperties, type Provenance } from '../ontology';
import { loadSeedQuotations } from '../quotation';
import { mergeRelations } from '../relation';
import { statisticLinks } from '../statistic';
import { deriveMentions, type SeedMention } from './mentions';
import { readArticleTexts, readSeedGraph, seedFingerprint } from './seed-data';
import type { SeedGraph, SeedNamed, SeedPeriod } from './seed.types';

interface NodeParams {
  id: string;
  label: string;
  properties: Record<string, unknown>;
}

/** A provenance as two properties, `<prefix>ProvenanceKind` and `<prefix>ProvenanceNote` (docs/ontology.md#provenance). */
function periodProperties(period: SeedPeriod | undefined) {
  return {
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
    periodLabel: period?.label ?? null,
    ...provenanceProperties('period', period?.provenance),
  };
}

/** An alias the texts spell is ASSERTED; the others carry their provenance. Lists parallel to aliases. */
function aliasProvenances(entity: SeedNamed): Provenance[] {
  return entity.aliases.map((alias) => entity.aliasProvenance?.[alias] ?? { kind: 'ASSERTED' });
}

function commonProperties(kind: EntityKind, entity: SeedNamed) {
  const aliasProvenance = aliasProvenances(entity);
  return {
    kind,
    name: entity.name,
    aliases: entity.aliases,
    aliasProvenanceKinds: aliasProvenance.map((provenance) => provenance.kind),
    aliasProvenanceNotes: aliasProvenance.map(provenanceNote),
    description: entity.description ?? null,
    ...provenanceProperties('description', entity.description === undefined ? undefined : entity.descriptionProvenance),
    nameKeys: nameKeysOf(entity.name, entity.aliases),
  };
}

/**
 * The provenance of every relation the seed loads: the curated ones say it; PUBLISHED_BY is
 * read from the text; a statistic's links are what its sentence states, except the places the
 * curators add beside its origin and destination.
 */
function relationProvenance(graph: SeedGraph, relation: { type: string; fromId: string; toId: string }): Provenance | undefined {
  const curated = graph.relations.find(
    (candidate) => candidate.type === relation.type && candidate.fromId === relation.fromId && candidate.toId === relation.toId,
  );
  if (curated) return curated.provenance;
  if (relation.type === 'PUBLISHED_BY') {
    return { kind: 'INFERRED', reason: 'the article names The Post as the outlet its sources spoke to ("told The Post")' };
  }
  const statistic = graph.statistics.find((candidate) => candidate.id === relation.fromId);
  if (relation.type === 'ABOUT_PLACE' && statistic && statistic.originId !== relation.toId && statistic.destinationId !== relation.toId) {
    return { kind: 'INFERRED', reason: 'the curators list the places a number is about, the border crossed included' };
  }
  return { kind: 'ASSERTED' };
}

/**
 * Every relation needs a sentence that backs it. An article names its publisher in its own
 * text ("sources told The Post"): the first such sentence is the evidence of PUBLISHED_BY.
 */
function publisherEvidence(articleId: string, publisherId: string, mentions: SeedMention[]) {
  const mention = mentions.find((candidate) => candidate.articleId === articleId && candidate.entityId === publisherId);
  if (!mention) throw new Error(`${articleId} never names its publisher ${publisherId}: PUBLISHED_BY would have no evidence`);
  return [{ articleId, quote: mention.sentence }];
}

/** Turns the curated graph into the parameters of cypher/seed/load-seed.cypher. */
export function seedParameters(graph: SeedGraph, articleTexts: Map<string, string>) {
  const nodes: NodeParams[] = [
    ...graph.articles.map((article) => ({
      id: article.id,
      label: KIND_LABEL[EntityKind.ARTICLE],
      properties: {
        ...commonProperties(EntityKind.ARTICLE, article),
        title: article.title,
        url: article.url ?? null,
        publishedOn: article.publishedOn,
        publishedOnInferred: article.publishedOnInferred,
        ...provenanceProperties('publishedOn', article.publishedOnProvenance),
        text: articleTexts.get(article.id),
        contentHash: contentHashOf(normaliseArticleText(articleTexts.get(article.id)!)),
      },
    })),
    ...graph.entities.map((entity) => ({
      id: entity.id,
      label: KIND_LABEL[entity.kind],
      properties: {
        ...commonProperties(entity.kind, entity),
        title: entity.title ?? null,
        acronym: entity.acronym ?? null,
        countryId: entity.countryId ?? null,
        ...periodProperties(entity.period),
      },
    })),
    ...graph.statistics.map((statistic) => ({
      id: statistic.id,
      label: KIND_LABEL[EntityKind.STATISTIC],
      properties: {
        ...commonProperties(EntityKind.STATISTIC, statistic),
        measure: statistic.measure,
        value: statistic.value,
        valueText: statistic.valueText,
        unit: statistic.unit,
        qualifier: statistic.qualifier,
        evidence: statistic.evidence,
        sourceId: statistic.sourceId,
        rank: statistic.rank ?? StatisticRank.NORMAL,
        rankReason: statistic.rankReason ?? null,
        ...periodProperties(statistic.period),
      },
    })),
  ];

  const mentions = deriveMentions(graph, articleTexts);
  const relations = [
    ...graph.articles.map((article) => ({
      type: 'PUBLISHED_BY',
      fromId: article.id,
      toId: article.publisherId,
      evidence: publisherEvidence(article.id, article.publisherId, mentions),
    })),
    ...graph.statistics.flatMap(statisticLinks),
    ...graph.relations,
  ];
  const provenances = relations.map((relation) => {
    const provenance = relationProvenance(graph, relation);
    const note = provenance ? provenanceNote(provenance) : null;
    return { type: relation.type, fromId: relation.fromId, toId: relation.toId, kind: provenance?.kind ?? null, note };
  });

  // The curated entities hold name keys as upsertEntity's do; articles and statistics hold none.
  const nameClaims = nameClaimsOf(graph.entities.map((entity) => ({ id: entity.id, names: [entity.name, ...entity.aliases] })));

  return { nodes, relations, mentions, provenances, nameClaims };
}

/**
 * The seed's entities go through the rule of every writer (one name, one entity, look-alikes
 * included): a name an editor's entity already holds fails the load, and nothing of it is written.
 */
async function claimSeedNames(tx: CypherTransaction, claims: NameClaim[]): Promise<void> {
  // Names the curators moved from one entity to another are released by the first before the second claims them.
  const keysById = new Map<string, string[]>();
  for (const claim of claims) keysById.set(claim.entityId, [...(keysById.get(claim.entityId) ?? []), claim.key]);
  await releaseNames(tx, [...keysById].map(([id, keys]) => ({ id, keys })));
  const conflicts = await claimNames(tx, claims);
  if (conflicts.length > 0) {
    const reasons = conflicts.map((conflict) => `${conflict.entityId}: ${describeNameConflict(conflict)}`);
    throw new Error(`The seed cannot be loaded: names of its entities are held by other entities (rename or remove them first):\n${reasons.join('\n')}`);
  }
}

/** A cold database plans the seed's statements slowly; startup work is not held to request limits. */
const SEED_TIMEOUT_MS = 300_000;

/**
 * Loads the curated graph in one transaction; idempotent. What an earlier seed wrote and this
 * one no longer holds is removed (seed/sweep.cypher); what editors wrote is kept.
 */
export async function loadSeed(executor: Neo4jExecutor, log: Logger): Promise<void> {
  const graph = readSeedGraph();
  const articleTexts = readArticleTexts(graph);
  const params = seedParameters(graph, articleTexts);
  const fingerprint = seedFingerprint(graph);
  await executor.writeTransaction(async (tx) => {
    const [nodes, mentions] = splitStatements(readCypher('seed/load-seed.cypher'));
    await tx.run(nodes!, { nodes: params.nodes, fingerprint });
    await mergeRelations(tx, params.relations);
    await tx.run(readCypher('seed/relation-provenance.cypher'), { relations: params.provenances, fingerprint });
    await tx.run(mentions!, { mentions: params.mentions, fingerprint });
    const quotationIds = await loadSeedQuotations(tx, articleTexts);
    const sweep = { quotationIds, fingerprint };
    for (const statement of splitStatements(readCypher('seed/sweep.cypher'))) await tx.run(statement, sweep);
    // After the sweep, so that a name an earlier seed gave another node is free again.
    await claimSeedNames(tx, params.nameClaims);
  }, SEED_TIMEOUT_MS);
  log.info(
    { nodes: params.nodes.length, relations: params.relations.length, mentions: params.mentions.length, fingerprint },
    'Seed graph loaded',
  );
}

/**
 * What the database holds of the seed: nothing yet (`absent`), this seed (`current`), an earlier
 * one (`outdated`), or entities without any record of a seed (`unversioned`: written before
 * seeds were fingerprinted, or someone else's data, such as the benchmark's corpus).
 */
export type SeedState = 'absent' | 'current' | 'outdated' | 'unversioned';

export async function seedState(executor: Neo4jExecutor): Promise<SeedState> {
  const [record] = await executor.read(
    "OPTIONAL MATCH (load:SeedLoad {name: 'curated'}) RETURN load.fingerprint AS fingerprint, EXISTS { MATCH (:Entity) } AS hasEntities",
  );
  const loaded = record?.get('fingerprint') as string | null;
  if (loaded) return loaded === seedFingerprint(readSeedGraph()) ? 'current' : 'outdated';
  return record?.get('hasEntities') ? 'unversioned' : 'absent';
}

/**
 * What `npm start` does with the seed: loads it into an empty database, reloads it when it has
 * changed since it was loaded, and leaves data it did not write alone.
 */
export async function refreshSeed(executor: Neo4jExecutor, log: Logger): Promise<void> {
  const state = await seedState(executor);
  if (state === 'absent' || state === 'outdated') {
    await loadSeed(executor, log);
  } else if (state === 'unversioned') {
    log.warn('The database holds entities but no record of a seed load: the seed is left as it is (`npm run seed` loads it)');
  }
}
