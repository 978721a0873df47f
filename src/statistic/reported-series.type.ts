import { Field, Float, ObjectType } from 'type-graphql';
import { Period, Place } from '../entity';
import { ValueQualifier } from '../ontology';
import { Statistic } from './statistic.type';

@ObjectType({ description: 'One number the articles report, placed in time: a point of a reported series.' })
export class ReportedPoint {
  @Field(() => Period, { description: 'When the number applies.' })
  period: Period;

  @Field(() => Float, { description: 'The value as reported.' })
  value: number;

  @Field(() => ValueQualifier, { description: 'How the value relates to the true one ("over", "around").' })
  qualifier: ValueQualifier;

  @Field(() => Statistic, { description: 'The statistic, with its source, sentence and official comparison.' })
  statistic: Statistic;
}

@ObjectType({ description: "What the articles report of one measure, oldest period first: to draw beside the official series (Query.series)." })
export class ReportedSeries {
  @Field({ description: 'The measure, as the ontology names it.' })
  measure: string;

  @Field(() => Place, { nullable: true, description: 'The place asked for, if any.' })
  place: Place | null;

  @Field(() => [ReportedPoint], { description: 'The dated statistics of the measure (and place), oldest period first; undated ones are left out.' })
  points: ReportedPoint[];
}
