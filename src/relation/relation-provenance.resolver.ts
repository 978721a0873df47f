import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Provenance } from '../entity';
import type { RelationContext } from './relation.context';
import { Relation, type RelationRecord } from './relation.type';

@Resolver(() => Relation)
export class RelationProvenanceResolver {
  @FieldResolver(() => Provenance, {
    nullable: true,
    description:
      'Whether the evidence states the relation (ASSERTED), the curators read it into the evidence (INFERRED, with a reason) or it comes from outside the articles (EXTERNAL, with its source); null where not recorded.',
  })
  provenance(@Root() relation: RelationRecord, @Ctx() { relations }: RelationContext) {
    return relations.provenanceOf(relation.id);
  }
}
