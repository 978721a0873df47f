import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Article } from '../article/article.type';
import { Entity } from '../entity/entity.type';
import type { GraphQLContext } from '../graphql/context';
import { Evidence, Relation, type EvidenceRecord, type RelationRecord } from './relation.type';

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Entity)
  from(@Root() relation: RelationRecord, @Ctx() { loaders }: GraphQLContext) {
    return loaders.entityById.load(relation.fromId);
  }

  @FieldResolver(() => Entity)
  to(@Root() relation: RelationRecord, @Ctx() { loaders }: GraphQLContext) {
    return loaders.entityById.load(relation.toId);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Article)
  article(@Root() evidence: EvidenceRecord, @Ctx() { loaders }: GraphQLContext) {
    return loaders.entityById.load(evidence.articleId);
  }
}
