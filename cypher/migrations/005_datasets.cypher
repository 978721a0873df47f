// Official datasets (issue 13, docs/datasets.md). None of these nodes is :Entity, so entity,
// search, path and neighbourhood queries never reach a million observations.
CREATE CONSTRAINT dataset_id_unique IF NOT EXISTS
FOR (d:Dataset) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT dataset_release_id_unique IF NOT EXISTS
FOR (r:DatasetRelease) REQUIRE r.id IS UNIQUE;
// The same file imported twice is one release, even when two imports race.
CREATE CONSTRAINT dataset_release_checksum_unique IF NOT EXISTS
FOR (r:DatasetRelease) REQUIRE (r.datasetId, r.checksum) IS UNIQUE;
// A release being imported: one import at a time per release id.
CREATE CONSTRAINT dataset_release_staging_id_unique IF NOT EXISTS
FOR (s:DatasetReleaseStaging) REQUIRE s.id IS UNIQUE;
// A series filtered on several dimensions reads a release's observations of one measure over a
// range of months: equality on the first two properties, a range on the last.
CREATE INDEX observation_release_measure_month IF NOT EXISTS
FOR (o:Observation) ON (o.releaseId, o.measure, o.periodStart);
// The pre-aggregated sums that answer the common series: over every dimension per month, and
// per month and value of one dimension.
CREATE INDEX observation_total_release_measure_month IF NOT EXISTS
FOR (t:ObservationTotal) ON (t.releaseId, t.measure, t.periodStart);
CREATE INDEX observation_subtotal_release_measure_value_month IF NOT EXISTS
FOR (s:ObservationSubtotal) ON (s.releaseId, s.measure, s.dimension, s.dimensionValue, s.periodStart);
