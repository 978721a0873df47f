import { mentionOfQuote, requireQuote, type ArticleRepository } from '../article';
import { nameKeysOf, References, type EntityRecord } from '../entity';
import { BadUserInputError } from '../errors';
import { changedProperties, type ChangeRecorder, type RecordingTransaction } from '../history';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { EntityKind, MEASURES, measureDefinition, provenanceProperties, relationTypeDefinition, statisticRankProblem, type Provenance, type StatisticRank } from '../ontology';
import { mergeRelations } from '../relation';
import { statisticIdFor, statisticNameFor, type StatisticFacts } from './statistic-identity';
import { statisticLinks } from './statistic-links';
import type { StatisticRepository } from './statistic.repository';

const PLACE = [EntityKind.PLACE];
const ORGANIZATION = [EntityKind.ORGANIZATION];
/** A collector is what COLLECTED may start from: an organization or a group. */
const COLLECTOR = relationTypeDefinition('COLLECTED')!.fromKinds;

/**
 * The rank a write gives a statistic, with its reason: not one of its facts, so not part of its
 * id. No rank keeps the statistic's rank (NORMAL when new).
 */
export interface StatisticRanking {
  rank: StatisticRank | null;
  reason: string | null;
}

const KEEP_RANK: StatisticRanking = { rank: null, reason: null };

/** The rules of recording a statistic: existing references of the right kinds, a verbatim sentence. */
export class StatisticService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly repository: StatisticRepository,
    private readonly articles: ArticleRepository,
    private readonly recorder: ChangeRecorder,
  ) {}

  /**
   * Records a statistic with its links and the mention of its sentence, in one transaction.
   * The same facts twice give the same id and change nothing. A ranking replaces the rank of
   * the statistic; without one a new statistic is NORMAL and a recorded one keeps its rank.
   */
  async record(facts: StatisticFacts, ranking: StatisticRanking = KEEP_RANK): Promise<EntityRecord> {
    return this.executor.writeTransaction((tx) => this.recordIn(this.recorder.recording(tx, 'recordStatistic'), facts, ranking));
  }

  /**
   * record, inside a caller's transaction. `provenance` is where a new statistic comes from
   * (EXTRACTED for one accepted from ingestion); a statistic already recorded keeps its own.
   * One Change records the statistic and, under `links`, the evidence of each derived link the
   * write made or added to (the links are its origin, destination, places, reporter, collector
   * and sources); the mention of its sentence follows from that evidence.
   */
  async recordIn(tx: RecordingTransaction, facts: StatisticFacts, ranking: StatisticRanking = KEEP_RANK, provenance: Provenance | null = null): Promise<EntityRecord> {
    const measure = measureDefinition(facts.measure);
    if (measure === undefined) {
      const known = MEASURES.map((definition) => `"${definition.measure}"`).join(', ');
      throw new BadUserInputError(`input.measure must be one of the measures of the ontology: ${known}`, { field: 'input.measure' });
    }
    if (facts.unit.trim().toLowerCase() !== measure.unit.toLowerCase()) {
      throw new BadUserInputError(`input.unit must be "${measure.unit}", the unit of the measure "${measure.measure}"`, { field: 'input.unit' });
    }
    if (facts.period && facts.period.start > facts.period.end) {
      throw new BadUserInputError('input.period.start must not be after input.period.end', { field: 'input.period' });
    }
    const rank = checkedRanking(ranking);
    const placeIds = [...new Set(facts.placeIds)];
    const referenced = [facts.sourceId, facts.originId, facts.destinationId, facts.reportedById, facts.collectedById, ...placeIds];
    const references = await References.load(tx, referenced.filter((id): id is string => id !== null));
    const source = requireQuote(references, facts.sourceId, facts.evidence, 'input');
    const origin = facts.originId ? references.require(facts.originId, 'input.originId', PLACE) : null;
    const destination = facts.destinationId ? references.require(facts.destinationId, 'input.destinationId', PLACE) : null;
    placeIds.forEach((placeId, index) => references.require(placeId, `input.placeIds[${index}]`, PLACE));
    if (facts.reportedById) references.require(facts.reportedById, 'input.reportedById', ORGANIZATION);
    if (facts.collectedById) references.require(facts.collectedById, 'input.collectedById', COLLECTOR);

    const id = statisticIdFor(facts);
    const name = statisticNameFor(facts, origin?.name ?? null, destination?.name ?? null);
    const written = await this.repository.insert(tx, {
      id,
      properties: {
        name,
        aliases: [],
        nameKeys: nameKeysOf(name, []),
        measure: facts.measure,
        value: facts.value,
        unit: facts.unit,
        qualifier: facts.qualifier,
        periodLabel: facts.period?.label ?? null,
        evidence: facts.evidence,
        sourceId: facts.sourceId,
        ...provenanceProperties('origin', provenance),
      },
      periodStart: facts.period?.start ?? null,
      periodEnd: facts.period?.end ?? null,
      rank: rank.rank,
      rankReason: rank.reason,
    });
    const links = await mergeRelations(tx, statisticLinks({ ...facts, id, placeIds }));
    await this.articles.addMention(tx, mentionOfQuote(source, facts.evidence, id));
    const changedLinks = links.filter(({ before, after }) => changedProperties(before, after) !== null);
    const evidence = (side: 'before' | 'after') => Object.fromEntries(changedLinks.map((link) => [link.relation.id, link[side]?.evidence ?? null]));
    await tx.record({
      what: id,
      entityIds: [id, ...changedLinks.flatMap(({ relation }) => [relation.fromId, relation.toId])],
      before: written.before && { ...written.before, links: evidence('before') },
      after: { ...written.after, links: evidence('after') },
    });
    return written.statistic;
  }
}

/**
 * The ranking, its reason trimmed, once it holds: PREFERRED and DEPRECATED need a reason; NORMAL,
 * or no rank, takes none. Refused as BAD_USER_INPUT naming input.rankReason.
 */
function checkedRanking(ranking: StatisticRanking): StatisticRanking {
  const reason = ranking.reason?.trim() || null;
  if (ranking.rank === null) {
    if (reason !== null) throw new BadUserInputError('input.rankReason needs input.rank: PREFERRED or DEPRECATED', { field: 'input.rankReason' });
    return KEEP_RANK;
  }
  const problem = statisticRankProblem(ranking.rank, reason);
  if (problem !== null) throw new BadUserInputError(`input.rankReason: ${problem}`, { field: 'input.rankReason' });
  return { rank: ranking.rank, reason };
}
