import neo4j from 'neo4j-driver';
import { toEntityRecord, type EntityRecord, type StoredEntity } from '../entity/entity.record';
import { pageFromRows, type Page, type PageRequest } from '../graphql/pagination';
import { readCypher } from '../neo4j/cypher-files';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { sentencePosition, splitSentences } from '../article/sentences';
import { nameKeysOf } from '../entity/entity-kind';
import { References } from '../entity/references';
import { BadUserInputError } from '../errors';
import { mergeRelations } from '../relation/relation.repository';
import { statisticIdFor, statisticNameFor, type StatisticFacts } from './statistic-identity';
import { statisticLinks } from './statistic-links';

/** The ids a statistic links to: where a flow starts and ends, its places, its reporter. */
export interface StatisticLinkIds {
  originId: string | null;
  destinationId: string | null;
  placeIds: string[];
  reportedById: string | null;
}

export interface StatisticQuery {
  measure: string | null;
  placeId: string | null;
  reportedById: string | null;
  sourceId: string | null;
  from: string | null;
  to: string | null;
}

export interface StatisticWithLinks {
  statistic: EntityRecord;
  links: StatisticLinkIds;
  /** The entities the links name, and the source article: for the caller's cache. */
  related: EntityRecord[];
}

/** Statistics hold a source, places and a reporter of these kinds. */
const PLACE = ['PLACE'];
const ORGANIZATION = ['ORGANIZATION'];

export class StatisticRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  async page(query: StatisticQuery, request: PageRequest): Promise<Page<StatisticWithLinks>> {
    const [record] = await this.executor.read(readCypher('queries/statistic/page.cypher'), {
      ...query,
      afterKey: request.afterKey,
      limitPlusOne: neo4j.int(request.limit + 1),
    });
    const rows = (record?.get('rows') ?? []) as {
      sortKey: string;
      node: StoredEntity;
      links: StatisticLinkIds;
      related: StoredEntity[];
    }[];
    const items = rows.map((row) => ({
      sortKey: row.sortKey,
      node: { statistic: toEntityRecord(row.node), links: row.links, related: row.related.map(toEntityRecord) },
    }));
    return pageFromRows(items, request, (record?.get('totalCount') as number | undefined) ?? 0);
  }

  /**
   * Records a statistic with its links and the mention of its sentence, in one transaction.
   * Every reference must exist and be of the right kind, and the evidence must be a sentence
   * of the source; the same facts twice give the same id and change nothing.
   */
  async record(facts: StatisticFacts): Promise<EntityRecord> {
    if (facts.period && facts.period.start > facts.period.end) {
      throw new BadUserInputError('input.period.start must not be after input.period.end', { field: 'input.period' });
    }
    return this.executor.writeTransaction(async (tx) => {
      const placeIds = [...new Set(facts.placeIds)];
      const referenced = [facts.sourceId, facts.originId, facts.destinationId, facts.reportedById, ...placeIds];
      const references = await References.load(tx, referenced.filter((id): id is string => id !== null));
      references.requireQuote(facts.sourceId, facts.evidence, 'input');
      const origin = facts.originId ? references.require(facts.originId, 'input.originId', PLACE) : null;
      const destination = facts.destinationId ? references.require(facts.destinationId, 'input.destinationId', PLACE) : null;
      placeIds.forEach((placeId, index) => references.require(placeId, `input.placeIds[${index}]`, PLACE));
      if (facts.reportedById) references.require(facts.reportedById, 'input.reportedById', ORGANIZATION);

      const id = statisticIdFor(facts);
      const name = statisticNameFor(facts, origin?.name ?? null, destination?.name ?? null);
      const [record] = await tx.run(readCypher('queries/statistic/record.cypher'), {
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
        },
        periodStart: facts.period?.start ?? null,
        periodEnd: facts.period?.end ?? null,
      });
      await mergeRelations(tx, statisticLinks({ ...facts, id, placeIds }));
      const source = references.require(facts.sourceId, 'input.sourceId', ['ARTICLE']);
      const position = sentencePosition(facts.evidence, source.text ?? '');
      await tx.run(readCypher('queries/entity/add-mention.cypher'), {
        articleId: facts.sourceId,
        entityId: id,
        position: neo4j.int(position),
        sentence: splitSentences(source.text ?? '')[position],
      });
      return toEntityRecord(record!.get('s') as StoredEntity);
    });
  }

  async linksOf(ids: readonly string[]): Promise<Map<string, StatisticLinkIds>> {
    const records = await this.executor.read(readCypher('queries/statistic/links.cypher'), { ids });
    return new Map(records.map((record) => [record.get('id') as string, record.get('links') as StatisticLinkIds]));
  }
}
