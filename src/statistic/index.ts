/** The statistic domain's door: numbers the sources state, with their links. */
import { StatisticProvenanceResolver } from './statistic-provenance.resolver';
import { StatisticRankResolver } from './statistic-rank.resolver';
import { StatisticResolver } from './statistic.resolver';

export { StatisticScope, type StatisticContext } from './statistic.context';
export { PeriodInput } from './statistic.input';
export { statisticIdFor, statisticNameFor } from './statistic-identity';
export { Statistic } from './statistic.type';
export { ReportedSeries } from './reported-series.type';
export { statisticPageQuery, type StatisticWithLinks } from './statistic.repository';
export { statisticLinks } from './statistic-links';
export { LINKED_ENTITY_OF_FIELD, linkedEntitiesSelected } from './statistic-projection';

export const statisticResolvers = [StatisticResolver, StatisticProvenanceResolver, StatisticRankResolver] as const;
