import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Entity, Node, Period } from '../entity';
import { connectionTypes } from '../graphql/connection';
import { DateScalar } from '../graphql/scalars';
import { StatisticRank, ValueQualifier } from '../ontology';

registerEnumType(ValueQualifier, {
  name: 'ValueQualifier',
  description: "How a reported number relates to the true value: 'around 20' is APPROXIMATE, 'over one million' MORE_THAN.",
});

registerEnumType(StatisticRank, {
  name: 'StatisticRank',
  description:
    'How much a statistic is to be trusted beside those that disagree with it (same measure, period and place, another value), as Wikidata ranks statements.',
  valuesConfig: {
    PREFERRED: { description: 'The value to use among those that disagree; rankReason says why.' },
    NORMAL: { description: 'Neither preferred nor deprecated: every statistic unless a curator ranked it.' },
    DEPRECATED: { description: 'Known to be wrong or superseded; kept because a source states it. rankReason says why.' },
  },
});

@ObjectType({
  implements: [Node, Entity],
  description: 'A number that a source reports, with what it counts, when, where, who reported it and the sentence it comes from.',
})
export class Statistic extends Entity {
  @Field({ description: "What is counted, e.g. 'illegal crossings', 'apprehensions'." })
  measure: string;

  @Field(() => Float, { description: 'The number, e.g. 23700 for "approximately 23,700".' })
  value: number;

  @Field(() => String, { nullable: true, description: "The number as the source wrote it, e.g. 'one million', '23,700'." })
  valueText: string | null;

  @Field({ description: "e.g. 'people', 'people per day', 'percent', 'USD', 'miles'." })
  unit: string;

  @Field(() => ValueQualifier, { description: 'How the number relates to the true value.' })
  qualifier: ValueQualifier;

  @Field(() => Period, { nullable: true, description: 'When the number applies, resolved against the source\'s date.' })
  period: Period | null;

  @Field({ description: 'The sentence of the source that states the number.' })
  evidence: string;

  sourceId: string;
}

@InputType({ description: 'Which statistics to return; every given condition must hold.' })
export class StatisticFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the measure.' })
  measure?: string | null;

  @Field(() => ID, { nullable: true, description: 'Statistics about this place (as origin, destination or place).' })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Statistics reported by this organization.' })
  reportedById?: string | null;

  @Field(() => ID, { nullable: true, description: 'Statistics stated by this article.' })
  sourceId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Statistics whose period overlaps [from, to].' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Statistics whose period overlaps [from, to].' })
  to?: Date | null;
}

export const { Edge: StatisticEdge, Connection: StatisticConnection } = connectionTypes('Statistic', () => Statistic);
