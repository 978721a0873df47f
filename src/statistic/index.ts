/** The statistic domain's door: numbers the sources state, with their links. */
import { StatisticResolver } from './statistic.resolver';

export { StatisticScope, type StatisticContext } from './statistic.context';
export { statisticLinks } from './statistic-links';

export const statisticResolvers = [StatisticResolver] as const;
