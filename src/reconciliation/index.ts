/**
 * The reconciliation domain's door (issue 13, part 3): every number of the articles beside its
 * official counterpart, with a verdict and the difference explained.
 */
import { ReconciliationResolver, ReportedSeriesOfficialResolver, StatisticComparisonResolver } from './reconciliation.resolver';

export { ReconciliationScope, type ReconciliationContext } from './reconciliation.context';

export const reconciliationResolvers = [StatisticComparisonResolver, ReconciliationResolver, ReportedSeriesOfficialResolver] as const;
