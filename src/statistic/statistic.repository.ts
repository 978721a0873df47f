import type { Node as Neo4jNode } from 'neo4j-driver';
import { accountedProperties, projectedEntityReader, projectionParameters, projectionVariant, toEntityRecord, type EntityProjection, type EntityRecord } from '../entity';
import type { StoredProperties } from '../history';
import { readCypher, type CypherVariant } from '../neo4j/cypher-files';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { CONFLICTING_QUALIFIERS, type StatisticRank } from '../ontology';
import { pageFromRows, type Page, type PageRequest } from '../paging';

/** The ids a statistic links to: where a flow starts and ends, its places, its reporter and collector. */
export interface StatisticLinkIds {
  originId: string | null;
  destinationId: string | null;
  placeIds: string[];
  reportedById: string | null;
  /** Who counted or caught what is counted (COLLECTED), where the source names them. */
  collectedById?: string | null;
}

export interface StatisticQuery {
  measure: string | null;
  placeId: string | null;
  reportedById: string | null;
  sourceId: string | null;
  from: string | null;
  to: string | null;
}

/** A statistic's links as a read brought them: the links of the entities it did not read are absent. */
export type StatisticLinksRead = Partial<StatisticLinkIds>;

export interface StatisticWithLinks {
  statistic: EntityRecord;
  links: StatisticLinksRead;
  /** The entities the links it read name, and its source articles: for the caller's cache. */
  related: EntityRecord[];
}

/** A statistic's node as recordStatistic writes it (its links are relations, written beside it). */
export interface StatisticNode {
  id: string;
  properties: Record<string, unknown>;
  periodStart: string | null;
  periodEnd: string | null;
  /** A rank to give it, with its reason; null keeps the rank of a recorded statistic (NORMAL when new). */
  rank: StatisticRank | null;
  rankReason: string | null;
}

/** A statistic as recordStatistic left it, and what it held before (null for a new one), for the write's Change. */
export interface StatisticWritten {
  statistic: EntityRecord;
  before: StoredProperties | null;
  after: StoredProperties;
}

/**
 * A statistic's row as page.cypher and disagreements.cypher return it (with-links.fragment.cypher):
 * entities projected or whole (see EntityProjection); a link the read left out is absent.
 */
interface StatisticRow {
  node: unknown;
  places?: { type: string; entity: unknown }[];
  reporter?: unknown[];
  collector?: unknown[];
  sources?: unknown[];
}

function statisticRowReader(entityProperties: EntityProjection): (row: StatisticRow) => StatisticWithLinks {
  const toEntity = projectedEntityReader(entityProperties);
  return (row) => {
    const links: StatisticLinksRead = {};
    const related: EntityRecord[] = [];
    const read = (entities: unknown[]) => {
      const records = entities.map(toEntity);
      related.push(...records);
      return records;
    };
    if (row.places) {
      const places = row.places.map(({ type, entity }) => ({ type, place: toEntity(entity) }));
      related.push(...places.map(({ place }) => place));
      const placeOf = (type: string) => places.find((link) => link.type === type)?.place.id ?? null;
      links.originId = placeOf('HAS_ORIGIN');
      links.destinationId = placeOf('HAS_DESTINATION');
      links.placeIds = places.filter((link) => link.type === 'ABOUT_PLACE').map(({ place }) => place.id);
    }
    if (row.reporter) links.reportedById = read(row.reporter)[0]?.id ?? null;
    if (row.collector) links.collectedById = read(row.collector)[0]?.id ?? null;
    if (row.sources) read(row.sources);
    return { statistic: toEntity(row.node), links, related };
  };
}

/** Qualifier pairs that cannot both hold of one value, in both orders, as disagreements.cypher compares them. */
const CONFLICTING_QUALIFIER_PAIRS = CONFLICTING_QUALIFIERS.flatMap(([a, b]) => [
  [a, b],
  [b, a],
]);

/**
 * Which of its linked entities a statistic is read with (with-links.fragment.cypher): its places
 * (origin and destination among them), reporter, collector and sources. A link's id comes with its
 * entity only; a field whose link the read left out loads every link (StatisticScope.link).
 */
export interface LinkedEntities {
  places: boolean;
  reporter: boolean;
  collector: boolean;
  sources: boolean;
}

export const ALL_LINKED_ENTITIES: LinkedEntities = { places: true, reporter: true, collector: true, sources: true };

/** The flags of with-links.fragment.cypher. */
function linksVariant(linked: LinkedEntities): CypherVariant {
  return { linkedPlaces: linked.places, linkedReporter: linked.reporter, linkedCollector: linked.collector, linkedSources: linked.sources };
}

/** Where matching.fragment.cypher starts (the most selective node the filter names), and the conditions it checks. */
function matchingVariant(ids: readonly string[] | null, query: StatisticQuery): CypherVariant {
  // Given, not truthy: an empty id anchors on nothing, as it did when these were null checks in the text.
  const anchor = ids !== null ? 'ids' : query.placeId != null ? 'place' : query.reportedById != null ? 'reporter' : query.sourceId != null ? 'source' : 'none';
  return {
    anchor,
    byMeasure: query.measure != null,
    byReporter: query.reportedById != null && anchor !== 'reporter',
    bySource: query.sourceId != null && anchor !== 'source',
    byFrom: query.from != null,
    byTo: query.to != null,
  };
}

/** What a page's reader needs: the entities' properties (all when null), the linked entities, and whether to count every match. */
export interface StatisticPageRead {
  entityProperties: EntityProjection;
  linked: LinkedEntities;
  withTotalCount: boolean;
}

/** For answers that are not a connection: whole entities, every linked one, no count. */
const WHOLE_WITHOUT_COUNT: StatisticPageRead = { entityProperties: null, linked: ALL_LINKED_ENTITIES, withTotalCount: false };

export const NO_FILTER: StatisticQuery = { measure: null, placeId: null, reportedById: null, sourceId: null, from: null, to: null };

/**
 * The page query as the repository sends it: page.cypher in the variant the filter and the read
 * need, and its parameters. Exported for the benchmark's PROFILE of the service's own Cypher.
 */
export function statisticPageQuery(
  ids: readonly string[] | null,
  query: StatisticQuery,
  request: PageRequest,
  { entityProperties, linked, withTotalCount }: StatisticPageRead,
): { text: string; params: Record<string, unknown> } {
  const variant = {
    ...matchingVariant(ids, query),
    ...projectionVariant(entityProperties),
    ...linksVariant(linked),
    hasAfterKey: request.afterKey !== null,
    counted: withTotalCount,
  };
  return {
    text: readCypher('queries/statistic/page.cypher', variant),
    params: { ids, ...query, afterKey: request.afterKey, limitPlusOne: request.limit + 1, ...projectionParameters(entityProperties) },
  };
}

/** Statistics' Cypher and the mapping of its results; the rules of recording are StatisticService's. */
export class StatisticRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /**
   * A page of the matching statistics; they and the entities they link to with the given
   * properties only (all when null), and the count of all matches only when asked for.
   */
  async page(query: StatisticQuery, request: PageRequest, read: StatisticPageRead = WHOLE_WITHOUT_COUNT): Promise<Page<StatisticWithLinks>> {
    return this.pageOf(null, query, request, read);
  }

  /** Statistics reached some other way (by id, search, path), with their links. */
  async byIds(ids: readonly string[]): Promise<Map<string, StatisticWithLinks>> {
    const page = await this.pageOf(ids, NO_FILTER, { limit: ids.length, afterKey: null }, WHOLE_WITHOUT_COUNT);
    return new Map(page.items.map((item) => [item.node.statistic.id, item.node]));
  }

  /**
   * For each statistic of the ids, the others that disagree with it (same measure, period and a
   * place in common, a value that cannot also hold), in one query; a statistic with none, or an
   * id that is no statistic, has an empty list.
   */
  async disagreementsOf(ids: readonly string[]): Promise<Map<string, StatisticWithLinks[]>> {
    const variant = { ...projectionVariant(null), ...linksVariant(ALL_LINKED_ENTITIES) };
    const records = await this.executor.read(readCypher('queries/statistic/disagreements.cypher', variant), {
      ids,
      conflictingQualifiers: CONFLICTING_QUALIFIER_PAIRS,
    });
    const toStatisticWithLinks = statisticRowReader(null);
    return new Map(records.map((record) => [record.get('id') as string, (record.get('disagreements') as StatisticRow[]).map(toStatisticWithLinks)]));
  }

  async insert(tx: CypherTransaction, statistic: StatisticNode): Promise<StatisticWritten> {
    const [record] = await tx.run(readCypher('queries/statistic/record.cypher'), { ...statistic });
    const node = record!.get('s') as Neo4jNode;
    const before = record!.get('before') as StoredProperties | null;
    return { statistic: toEntityRecord(node), before: before && accountedProperties(before), after: accountedProperties(node.properties) };
  }

  private async pageOf(ids: readonly string[] | null, query: StatisticQuery, request: PageRequest, read: StatisticPageRead): Promise<Page<StatisticWithLinks>> {
    const { text, params } = statisticPageQuery(ids, query, request, read);
    const [record] = await this.executor.read(text, params);
    const toStatisticWithLinks = statisticRowReader(read.entityProperties);
    const rows = (record?.get('rows') ?? []) as (StatisticRow & { sortKey: string })[];
    const items = rows.map((row) => ({ sortKey: row.sortKey, node: toStatisticWithLinks(row) }));
    return pageFromRows(items, request, (record?.get('totalCount') as number | null | undefined) ?? null);
  }
}
