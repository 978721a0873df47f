import DataLoader from 'dataloader';
import type { ArticleScope } from '../article';
import type { EntityRecord, EntityScope } from '../entity';
import type { ChangeRecorder } from '../history';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { RelationContext } from '../relation';
import {
  NO_FILTER,
  StatisticRepository,
  type StatisticLinkIds,
  type StatisticLinksRead,
  type StatisticQuery,
  type StatisticWithLinks,
} from './statistic.repository';
import { StatisticService } from './statistic.service';

/** More than the articles state of one measure, or in one article: the bound of an answer that is not paged. */
const MAX_UNPAGED_STATISTICS = 1000;

/** What a statistic's links are: all of them read means no query for any. */
const LINK_PARTS = ['originId', 'destinationId', 'placeIds', 'reportedById', 'collectedById'] as const satisfies readonly (keyof StatisticLinkIds)[];

/** Statistics for one request: the repository, the service and the links of statistics. */
export class StatisticScope {
  readonly repository: StatisticRepository;
  readonly service: StatisticService;

  /** The links of statistics as this request's reads brought them, whole or in part. */
  private readonly linksRead = new Map<string, StatisticLinksRead>();

  /** Every link of statistics whose reads did not bring the link asked for (reached by id, search, path). */
  private readonly links = new DataLoader<string, StatisticLinkIds | null>(async (ids) => {
    const found = await this.repository.byIds(ids);
    this.remember(found.values());
    return ids.map((id) => {
      const links = found.get(id)?.links;
      return links ? (links as StatisticLinkIds) : null;
    });
  });

  /**
   * The statistics that disagree with each asked statistic: one query for every statistic of a
   * request that asks (a page of statistics asking costs one round trip, not one each).
   */
  private readonly disagreements = new DataLoader<string, EntityRecord[]>(async (ids) => {
    const found = await this.repository.disagreementsOf(ids);
    this.remember([...found.values()].flat());
    return ids.map((id) => (found.get(id) ?? []).map((other) => other.statistic));
  });

  constructor(
    executor: Neo4jExecutor,
    articles: ArticleScope,
    private readonly entities: EntityScope,
    recorder: ChangeRecorder,
  ) {
    this.repository = new StatisticRepository(executor);
    this.service = new StatisticService(executor, this.repository, articles.repository, recorder);
  }

  /**
   * Every statistic matching the conditions, in the page's order (oldest period first), for
   * answers that are not paged (a reported series, an article's reconciliation); remembered.
   */
  async allMatching(conditions: Partial<StatisticQuery>): Promise<StatisticWithLinks[]> {
    const page = await this.repository.page({ ...NO_FILTER, ...conditions }, { limit: MAX_UNPAGED_STATISTICS, afterKey: null });
    const found = page.items.map((item) => item.node);
    this.remember(found);
    return found;
  }

  /** Every link of a statistic (null for an id that is no statistic). */
  async linksOf(id: string): Promise<StatisticLinkIds | null> {
    const read = this.linksRead.get(id);
    if (read && LINK_PARTS.every((part) => read[part] !== undefined)) return read as StatisticLinkIds;
    return this.links.load(id);
  }

  /** One link of a statistic: as a read of this request brought it, or loaded with every link (null for an id that is no statistic). */
  async link<Part extends keyof StatisticLinkIds>(id: string, part: Part): Promise<StatisticLinkIds[Part] | null> {
    const read = this.linksRead.get(id)?.[part];
    if (read !== undefined) return read;
    return (await this.links.load(id))?.[part] ?? null;
  }

  /** The other statistics that disagree with this one (same measure, period and place, another value). */
  disagreementsOf(id: string): Promise<EntityRecord[]> {
    return this.disagreements.load(id);
  }

  /** Statistics a query returned with their links and the entities those name: later loads of them cost nothing. */
  remember(statistics: Iterable<StatisticWithLinks>): void {
    for (const { statistic, links, related } of statistics) {
      this.entities.remember([statistic, ...related]);
      // A read that brought fewer links than an earlier one keeps those the earlier one brought.
      this.linksRead.set(statistic.id, { ...this.linksRead.get(statistic.id), ...links });
    }
  }
}

export interface StatisticContext extends RelationContext {
  statistics: StatisticScope;
}
