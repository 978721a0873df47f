/** The quotation domain's door: words speakers said, their anchors in the articles, and loading the curated ones. */
import { EntityQuotationsResolver, QuotationResolver } from './quotation.resolver';

export { QuotationScope, type QuotationContext } from './quotation.context';
export { isQuotationId, QUOTATION_ID_PREFIX, type QuotationRecord } from './quotation.record';
export { mergeQuotations, toQuotationWrite } from './quotation.repository';
export { anchorQuotation, anchorSeedQuotations, loadSeedQuotations, readSeedQuotations, type SeedQuotation } from './quotation.seed';
export { Quotation } from './quotation.type';

export const quotationResolvers = [QuotationResolver, EntityQuotationsResolver] as const;
