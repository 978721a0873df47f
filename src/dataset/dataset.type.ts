import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, Organization, Period } from '../entity';
import { DateScalar } from '../graphql/scalars';
import { SeriesGranularity } from './periods';

registerEnumType(SeriesGranularity, {
  name: 'SeriesGranularity',
  description: 'The periods a series sums its months into.',
  valuesConfig: {
    MONTH: { description: "Calendar months, labelled 'December 2023'." },
    QUARTER: { description: "Calendar quarters, January to March first, labelled 'Q4 2023'." },
    FISCAL_YEAR: { description: "U.S. federal fiscal year, October to September, labelled 'FY2024'; the year under way 'FY2025 (FYTD)'." },
    CALENDAR_YEAR: { description: "Calendar years, labelled '2024'; the year under way '2025 (YTD)'." },
  },
});

@ObjectType({ description: "A column an official dataset breaks its figures down by, and the values it takes, e.g. Component: 'U.S. Border Patrol', 'Office of Field Operations'." })
export class DatasetDimension {
  @Field({ description: "The column's name in the file, e.g. 'Component'." })
  name: string;

  @Field(() => [String], { description: 'Every value the column takes in the release, in the order of the file.' })
  values: string[];
}

@ObjectType({ description: 'One published version of a dataset; agencies revise recent months between releases.' })
export class DatasetRelease {
  @Field(() => ID, { description: "'<dataset id>@<slug of the label>', e.g. 'dataset:cbp-southwest-land-border-encounters@august-2025'." })
  id: string;

  @Field({ description: "e.g. 'August 2025'." })
  label: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the agency published it; null where not known.' })
  publishedOn: string | null;

  @Field({ description: 'When it was imported into the graph (ISO 8601 date-time).' })
  importedAt: string;

  @Field({ description: 'SHA-256 of the file imported, hex: the same file again is the same release.' })
  checksum: string;

  @Field({ description: 'The name of the file imported.' })
  file: string;

  @Field(() => Int, { description: 'Rows of the file, one observation each.' })
  observationCount: number;

  @Field(() => Period, { description: "The months the release holds, e.g. 'October 2021 to August 2025'." })
  coverage: Period;

  @Field(() => [String], { description: "What its figures count, e.g. 'encounters'." })
  measures: string[];

  @Field(() => String, { nullable: true, description: "The unit of its figures, e.g. 'encounters'; null where the mapping does not say." })
  unit: string | null;

  @Field(() => [DatasetDimension], { description: 'The columns its figures are broken down by: what series(filter) can fix.' })
  dimensions: DatasetDimension[];
}

@ObjectType({ implements: Node, description: "A table of official figures, e.g. CBP's Southwest Land Border Encounters." })
export class Dataset extends Node {
  @Field({ description: "e.g. 'Southwest Land Border Encounters'." })
  title: string;

  @Field(() => Organization, { nullable: true, description: 'The agency that publishes it, where the graph knows it.' })
  publisher: Organization | null;

  @Field(() => String, { nullable: true, description: "The agency's page of the dataset." })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Under what terms it may be used.' })
  licence: string | null;

  @Field(() => String, { nullable: true, description: 'What it counts and how, in a few sentences.' })
  description: string | null;

  @Field(() => [DatasetRelease], { description: 'Every release imported, newest first: the one whose data reach the latest month, then the later published.' })
  releases: DatasetRelease[];
}

@ObjectType({ description: 'The sum of a series over one period.' })
export class SeriesPoint {
  @Field(() => Period, { description: "The months summed, first day to last day; labelled by the granularity ('FY2024', 'FY2025 (FYTD)')." })
  period: Period;

  @Field(() => Float, { description: 'The sum of the observations of those months that the filter keeps.' })
  value: number;

  @Field({ description: 'Every month of the period is in the release and in [from, to]; false for a year to date or a period the range cuts.' })
  complete: boolean;
}

@ObjectType({ description: 'How a series moved from one point to another.' })
export class SeriesChange {
  @Field(() => SeriesPoint, { description: 'The earlier point.' })
  from: SeriesPoint;

  @Field(() => SeriesPoint, { description: 'The later point.' })
  to: SeriesPoint;

  @Field(() => Float, { description: "to.value minus from.value." })
  difference: number;

  @Field(() => Float, { nullable: true, description: 'The difference as a percentage of from.value, e.g. -96.1 for a drop of 96.1 %; null when from.value is 0.' })
  percent: number | null;
}

@ObjectType({ description: "Official figures over time: one measure of one release of a dataset, summed per period over the dimensions the filter leaves free." })
export class Series {
  @Field(() => Dataset, { description: 'The dataset the figures come from.' })
  dataset: Dataset;

  @Field(() => DatasetRelease, { description: 'The release read: the newest unless releaseId was given.' })
  release: DatasetRelease;

  @Field({ description: "What the figures count, e.g. 'encounters'." })
  measure: string;

  @Field(() => String, { nullable: true, description: 'The unit of the figures; null where the dataset does not say.' })
  unit: string | null;

  @Field(() => [SeriesPoint], { description: 'One point per period that the release has data for, in time order.' })
  points: SeriesPoint[];

  @Field(() => Float, { description: 'The sum of every point.' })
  total: number;

  @Field(() => SeriesPoint, { nullable: true, description: 'The lowest point (the earliest of equals); null without points.' })
  min: SeriesPoint | null;

  @Field(() => SeriesPoint, { nullable: true, description: 'The highest point (the earliest of equals); null without points.' })
  max: SeriesPoint | null;
}
