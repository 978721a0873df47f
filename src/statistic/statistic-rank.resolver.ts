import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from '../entity';
import { StatisticRank, STATISTIC_RANKS } from '../ontology';
import type { StatisticContext } from './statistic.context';
import { Statistic } from './statistic.type';

/** The rank of a statistic, as Wikidata ranks statements, and the statistics that disagree with it. */
@Resolver(() => Statistic)
export class StatisticRankResolver {
  @FieldResolver(() => StatisticRank, {
    description: 'How the number ranks beside those that disagree with it: PREFERRED, NORMAL (unless a curator ranked it) or DEPRECATED.',
  })
  rank(@Root() statistic: EntityRecord): StatisticRank {
    // Statistics stored before ranks existed carry none: they are NORMAL.
    const stored = statistic.rank;
    return STATISTIC_RANKS.includes(stored as StatisticRank) ? (stored as StatisticRank) : StatisticRank.NORMAL;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the rank is PREFERRED or DEPRECATED, e.g. "superseded by the revised count"; null for NORMAL.',
  })
  rankReason(@Root() statistic: EntityRecord): string | null {
    return this.rank(statistic) === StatisticRank.NORMAL ? null : (statistic.rankReason ?? null);
  }

  @FieldResolver(() => [Statistic], {
    description:
      'The other statistics that disagree with this one: the same measure, the same period (start and end, or both undated), a place in common (origin, destination or place) and another value, or the same value with a qualifier that contradicts (20 and "more than 20"). Preferred first, deprecated last; empty when none.',
  })
  disagreements(@Root() statistic: EntityRecord, @Ctx() { statistics }: StatisticContext): Promise<EntityRecord[]> {
    return statistics.disagreementsOf(statistic.id);
  }
}
