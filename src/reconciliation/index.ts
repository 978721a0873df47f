/**
 * The reconciliation domain's door (issue 13, part 3): every number of the articles beside its
 * official counterpart, with a verdict and the difference explained.
 */
import { ReconciliationResolver, StatisticComparisonResolver } from './reconciliation.resolver';

export { ReconciliationScope, type ReconciliationContext } from './reconciliation.context';

export const reconciliationResolvers = [StatisticComparisonResolver, ReconciliationResolver] as const;
