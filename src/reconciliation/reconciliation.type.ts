import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Dataset, DatasetRelease } from '../dataset';
import { Statistic } from '../statistic';
import { ComparisonVerdict } from './verdict';

registerEnumType(ComparisonVerdict, {
  name: 'ComparisonVerdict',
  description: 'How a reported number stands against the official figure.',
  valuesConfig: {
    MATCHES: { description: 'The official figure equals the reported value.' },
    CONSISTENT: { description: "An approximate or bounded claim ('around', 'over', 'more than') that the official figure satisfies." },
    DIFFERS: { description: 'The official figure contradicts the claim; explanation says by how much and whether a later release revised it.' },
    NO_OFFICIAL_COUNTERPART: { description: 'No dataset of the graph covers this measure, place and period; explanation says why.' },
  },
});

@ObjectType({ description: 'A reported number beside its official counterpart, in the newest release of the dataset that covers it.' })
export class OfficialComparison {
  @Field(() => ComparisonVerdict, { description: 'MATCHES, CONSISTENT, DIFFERS or NO_OFFICIAL_COUNTERPART.' })
  verdict: ComparisonVerdict;

  @Field(() => Float, { nullable: true, description: 'The official figure (for a derived claim, recomputed from the official counts).' })
  officialValue: number | null;

  @Field(() => Float, { nullable: true, description: 'officialValue minus the reported value.' })
  difference: number | null;

  @Field(() => Float, { nullable: true, description: 'difference as a share of officialValue, e.g. 0.0004.' })
  relativeDifference: number | null;

  @Field(() => Dataset, { nullable: true, description: 'The dataset compared with.' })
  dataset: Dataset | null;

  @Field(() => DatasetRelease, { nullable: true, description: 'The release the official figure is from: the newest.' })
  release: DatasetRelease | null;

  @Field({ description: 'In words: the figures, the mapping that makes them comparable, a revision, or why there is no counterpart.' })
  explanation: string;
}

@ObjectType({ description: 'One number of an article with its official comparison.' })
export class ReconciledStatistic {
  @Field(() => Statistic, { description: 'The number as the article reports it.' })
  statistic: Statistic;

  @Field(() => OfficialComparison, { description: 'Its official counterpart and verdict.' })
  comparison: OfficialComparison;
}
