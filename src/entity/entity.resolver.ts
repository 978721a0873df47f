import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { toConnection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { toPageRequest } from '../paging';
import type { EntityContext } from './entity.context';
import { EntitiesArgs, EntityLookupArgs } from './entity.args';
import { EntityInput } from './entity.input';
import { Entity, EntityConnection } from './entity.type';

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'By id, or by name or alias (case-insensitive).' })
  async entity(@Args() { id, name }: EntityLookupArgs, @Ctx() { entities }: EntityContext, @Info() info: GraphQLResolveInfo) {
    if ((id == null) === (name == null)) throw new BadUserInputError('Give exactly one of "id" and "name"');
    return id == null ? entities.repository.findByName(name!) : entities.loadForSelection(id, info);
  }

  @Query(() => EntityConnection, { description: 'Every entity, optionally of one kind, in id order.', complexity: pageCost })
  async entities(@Args() { kind, ...pageArgs }: EntitiesArgs, @Ctx() { entities }: EntityContext) {
    const request = toPageRequest(pageArgs);
    const page = await entities.repository.page(kind ?? null, request);
    entities.remember(page.items.map((item) => item.node));
    return toConnection(page, request);
  }

  @Authorized('editor')
  @Mutation(() => Entity, {
    description: 'Creates an entity, or updates the one with its id; one transaction, idempotent, recorded in the history. Needs an editor key.',
  })
  async upsertEntity(
    @Arg('input', () => EntityInput, { description: 'The entity; its id is derived from kind and name when omitted.' }) input: EntityInput,
    @Ctx() { entities }: EntityContext,
  ) {
    const entity = await entities.service.upsert(input);
    entities.replace(entity);
    return entity;
  }
}
