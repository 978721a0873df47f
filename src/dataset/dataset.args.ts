import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IsName } from '../graphql/input-rules';
import { DateScalar } from '../graphql/scalars';
import { MAX_SUBTOTAL_VALUES } from './dataset-import';
import { SeriesGranularity } from './periods';

/** A dataset has a handful of dimensions; a filter on more would only be slower. */
const MAX_FILTERS = 20;

@InputType({ description: 'Keeps the observations whose value of one dimension is one of values.' })
export class DimensionFilter {
  @Field({ description: "A column of the dataset, e.g. 'Component'." })
  @IsName()
  name: string;

  @Field(() => [String], { description: `Values of that column, e.g. ['U.S. Border Patrol'] (at most ${MAX_SUBTOTAL_VALUES}); each must occur in the release.` })
  @ArrayMaxSize(MAX_SUBTOTAL_VALUES)
  @IsName({ each: true })
  values: string[];
}

/** The arguments of `series`. */
@ArgsType()
export class SeriesArgs {
  @Field(() => ID, { description: "e.g. 'dataset:cbp-southwest-land-border-encounters' (see datasets)." })
  datasetId: string;

  @Field(() => String, { nullable: true, description: "What to sum, e.g. 'encounters'; may be left out when the release has one measure." })
  @IsOptional()
  @IsName()
  measure?: string | null;

  @Field(() => [DimensionFilter], { nullable: true, description: `Dimensions fixed to some values (at most ${MAX_FILTERS}); every other dimension is summed over.` })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTERS)
  @ValidateNested()
  filter?: DimensionFilter[] | null;

  @Field(() => SeriesGranularity, { description: 'The periods to sum the months into.' })
  granularity: SeriesGranularity;

  @Field(() => DateScalar, { nullable: true, description: 'Only months that end on or after this date (data are monthly: a month is taken whole).' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only months that start on or before this date.' })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'A release of the dataset (see Dataset.releases); the newest when left out.' })
  releaseId?: string | null;
}

/** The arguments of `Series.change`. */
@ArgsType()
export class SeriesChangeArgs {
  @Field(() => DateScalar, { nullable: true, description: 'A date in the earlier period; the first point when left out.' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'A date in the later period; the last point when left out.' })
  to?: Date | null;
}
