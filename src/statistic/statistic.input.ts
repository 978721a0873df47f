import { ArrayMaxSize, IsIn, IsNumber, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { QUOTE_MINIMUM } from '../article';
import { INPUT_LIMITS, IsEntityId, IsName, IsText } from '../graphql/input-rules';
import { DateScalar } from '../graphql/scalars';
import { STATISTIC_RANKS, StatisticRank, ValueQualifier } from '../ontology';

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

  @Field(() => ID, { nullable: true, description: 'The organization that published or reported the number.' })
  @IsOptional()
  @IsEntityId()
  reportedById?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Who counted or caught what the number counts, where the source names them: an organization or a group, which may differ from the reporter (The New York Times reported what "Canadian border officials" caught). One of the facts: another collector makes another statistic.',
  })
  @IsOptional()
  @IsEntityId()
  collectedById?: string | null;

  @Field(() => ID, { description: 'The article that states the number.' })
  @IsEntityId()
  sourceId: string;

  @Field({
    description: `The verbatim sentence of the source that states the number, found there once: at least a clause, ${QUOTE_MINIMUM.words} words and ${QUOTE_MINIMUM.characters} characters, at most ${INPUT_LIMITS.quoteLength}.`,
  })
  @IsText(INPUT_LIMITS.quoteLength)
  @Matches(/\S/, { message: 'evidence must not be blank' })
  evidence: string;

  @Field(() => StatisticRank, {
    nullable: true,
    description:
      'How the number ranks beside those that disagree with it. Omitted: NORMAL for a new statistic, unchanged for one already recorded; given: replaces the rank (not part of the facts, so the id stays).',
  })
  @IsOptional()
  @IsIn(STATISTIC_RANKS)
  rank?: StatisticRank | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the rank, required with PREFERRED or DEPRECATED and refused otherwise, e.g. "superseded by the revised CBP count".',
  })
  @IsOptional()
  @IsText(INPUT_LIMITS.descriptionLength)
  @Matches(/\S/, { message: 'rankReason must not be blank' })
  rankReason?: string | null;
}
