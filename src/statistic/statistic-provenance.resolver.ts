import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Entity, Provenance, provenanceOf, type EntityRecord } from '../entity';
import type { StatisticContext } from './statistic.context';
import { Statistic } from './statistic.type';

/** Who collected a number, as distinct from who reported it, and how its period is known. */
@Resolver(() => Statistic)
export class StatisticProvenanceResolver {
  @FieldResolver(() => Entity, {
    nullable: true,
    description:
      'Who counted or caught what the number counts (an organization or a group), where the source names them; may differ from reportedBy: The New York Times reported what "Canadian border officials" caught.',
  })
  async collectedBy(@Root() statistic: EntityRecord, @Ctx() { statistics, entities }: StatisticContext) {
    const id = await statistics.link(statistic.id, 'collectedById');
    return id ? entities.load(id) : null;
  }

  @FieldResolver(() => Provenance, {
    nullable: true,
    description: 'How the period is known: INFERRED with the rule as reason where resolved from the publication date; null without a period or where not recorded.',
  })
  periodProvenance(@Root() statistic: EntityRecord) {
    return statistic.period ? provenanceOf(statistic, 'period') : null;
  }
}
