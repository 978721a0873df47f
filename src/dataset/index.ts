/**
 * The dataset domain's door (issue 13): official datasets as time series, imported from CSV
 * files through a mapping per dataset; series over them, and the official figure of a claim
 * (DatasetService.officialValue and releasesOf, through the context's `datasets.service`).
 */
import { DatasetReleaseResolver, DatasetResolver, SeriesResolver } from './dataset.resolver';

export { DatasetImporter, type ImportOutcome, type ImportProgress } from './dataset-import';
export { parseMapping, readMappingFile, type DatasetMapping } from './dataset-mapping';
export { DatasetScope, type DatasetContext } from './dataset.context';
export { isDatasetId, type DatasetRecord, type ReleaseRecord } from './dataset.record';
export { DatasetRepository } from './dataset.repository';
export { DatasetService, type DimensionFilterInput, type OfficialValue, type OfficialValueQuery, type SeriesRecord } from './dataset.service';
export { Dataset, DatasetRelease, Series } from './dataset.type';
export { SeriesGranularity } from './periods';
export { formatImportSummary, IMPORT_USAGE, parseImportArgs, progressLine, type ImportArgs } from './import-cli';
export { DatasetImportError, type ImportRefusal } from './import-error';
export { loadStartupDatasets } from './startup-datasets';

export const datasetResolvers = [DatasetResolver, DatasetReleaseResolver, SeriesResolver] as const;
