import { ArrayMaxSize, IsNumber, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { INPUT_LIMITS, IsEntityId, IsName, IsText } from '../graphql/input-rules';
import { DateScalar } from '../graphql/scalars';
import { ValueQualifier } from '../ontology';

@InputType({ description: 'A span of time: first and last day, inclusive, and the words the source used.' })
export class PeriodInput {
  @Field(() => DateScalar, { description: 'First day, inclusive.' })
  start: Date;

  @Field(() => DateScalar, { description: 'Last day, inclusive; not before start.' })
  end: Date;

  @Field({ description: "The source's words, e.g. 'last fiscal year'." })
  @IsName()
  label: string;
}

@InputType({ description: 'A number a source reports (recordStatistic). The same input twice records one statistic.' })
export class StatisticInput {
  @Field({ description: "What is counted, e.g. 'illegal crossings'." })
  @IsName()
  measure: string;

  @Field(() => Float, { description: 'The number, e.g. 23700 for "approximately 23,700".' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field({ description: "e.g. 'people', 'percent', 'USD', 'miles'." })
  @MinLength(1)
  @MaxLength(50)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'unit must not contain control characters' })
  unit: string;

  @Field(() => ValueQualifier, {
    nullable: true,
    defaultValue: ValueQualifier.EXACT,
    description: 'How the number relates to the true value: "approximately" is APPROXIMATE.',
  })
  qualifier?: ValueQualifier | null;

  @Field(() => PeriodInput, { nullable: true, description: 'When the number applies, resolved to dates.' })
  @IsOptional()
  @ValidateNested()
  period?: PeriodInput | null;

  @Field(() => ID, { nullable: true, description: 'Where a flow starts: a place.' })
  @IsOptional()
  @IsEntityId()
  originId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Where a flow ends: a place.' })
  @IsOptional()
  @IsEntityId()
  destinationId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Other places the number is about.' })
  @IsOptional()
  @ArrayMaxSize(INPUT_LIMITS.aliasCount)
  @IsEntityId({ each: true })
  placeIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The organization that counted or published the number.' })
  @IsOptional()
  @IsEntityId()
  reportedById?: string | null;

  @Field(() => ID, { description: 'The article that states the number.' })
  @IsEntityId()
  sourceId: string;

  @Field({ description: 'The verbatim sentence of the source that states the number.' })
  @IsText(INPUT_LIMITS.quoteLength)
  @Matches(/\S/, { message: 'evidence must not be blank' })
  evidence: string;
}
