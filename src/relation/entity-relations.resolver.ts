import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Entity, type EntityRecord } from '../entity';
import { toConnection, type Connection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { mapPage } from '../paging';
import { RelationsArgs, relationPageArgs } from './relation.args';
import type { RelationContext } from './relation.context';
import { RelationConnection, type RelationRecord } from './relation.type';

/** An entity's relations: this domain's field on Entity. */
@Resolver(() => Entity)
export class EntityRelationsResolver {
  @FieldResolver(() => RelationConnection, { description: 'Typed, sourced links to other entities.', complexity: pageCost })
  async relations(
    @Root() entity: EntityRecord,
    @Args() args: RelationsArgs,
    @Ctx() { relations }: RelationContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<RelationRecord>> {
    const pageArgs = relationPageArgs(args);
    const page = await relations.withOtherEnds(entity.id, pageArgs, info);
    return toConnection(mapPage(page, (node) => node.relation), pageArgs.page);
  }
}
