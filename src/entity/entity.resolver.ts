import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { GraphQLContext } from '../graphql/context';
import { pageCost } from '../graphql/limits';
import { selectedSubfieldArgs } from '../graphql/lookahead';
import { PageArgs, toConnection, toPageRequest, type Connection } from '../graphql/pagination';
import { relationPageArgs, type RelationPageArgs } from '../relation/relation-page';
import { parseRelationId } from '../relation/relation-id';
import { RelationConnection, RelationFilter, type RelationRecord } from '../relation/relation.type';
import { MentionConnection, type MentionRecord } from './mention.type';
import { EntitiesArgs, EntityLookupArgs } from './entity.args';
import { EntityInput } from './entity.input';
import { EntityKind, entityIdFor } from './entity-kind';
import type { EntityRecord } from './entity.record';
import { Entity, EntityConnection, Node } from './entity.type';

/**
 * The relations page an `entity` selection asks for, if any, so that the entity and that page
 * come from one query (the relations loader answers for the entity too) rather than the entity
 * first and its relations in a second round trip. Bad page arguments are left to the
 * `relations` field to report.
 */
function relationsAskedFor(info: GraphQLResolveInfo): RelationPageArgs | undefined {
  const args = selectedSubfieldArgs(info, 'relations');
  if (!args) return undefined;
  try {
    return relationPageArgs(args.filter as RelationFilter | null, args);
  } catch {
    return undefined;
  }
}

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity or relation by its id.' })
  async node(@Arg('id', () => ID, { description: 'An entity id or a relation id.' }) id: string, @Ctx() { loaders, repositories }: GraphQLContext) {
    if (parseRelationId(id)) return repositories.relations.findById(id);
    return loaders.entityById.load(id);
  }

  @Query(() => Entity, { nullable: true, description: 'By id, or by name or alias (case-insensitive).' })
  async entity(@Args() { id, name }: EntityLookupArgs, @Ctx() { loaders, repositories }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    if ((id == null) === (name == null)) {
      throw new BadUserInputError('Give exactly one of "id" and "name"');
    }
    if (id == null) return repositories.entities.findByName(name!);
    const relations = relationsAskedFor(info);
    // A failure here is the `relations` field's to report: it awaits the same cached promise.
    if (relations) await loaders.relationsOf.load({ id, args: relations }).catch(() => undefined);
    return loaders.entityById.load(id);
  }

  @Query(() => EntityConnection, { description: 'Every entity, optionally of one kind, in id order.', complexity: pageCost })
  async entities(@Args() { kind, ...pageArgs }: EntitiesArgs, @Ctx() { repositories, loaders }: GraphQLContext) {
    const request = toPageRequest(pageArgs);
    const page = await repositories.entities.page(kind ?? null, request);
    for (const item of page.items) loaders.entityById.prime(item.node.id, item.node);
    return toConnection(page, request);
  }

  @Authorized('editor')
  @Mutation(() => Entity, {
    description: 'Creates an entity, or updates the one with its id; one transaction, idempotent. Needs an editor key.',
  })
  async upsertEntity(@Arg('input', () => EntityInput, { description: 'The entity; its id is derived from kind and name when omitted.' }) input: EntityInput, @Ctx() { repositories, loaders }: GraphQLContext) {
    if (input.kind === EntityKind.STATISTIC || input.kind === EntityKind.ARTICLE) {
      throw new BadUserInputError(`${input.kind} entities are not written with upsertEntity; statistics use recordStatistic`, {
        field: 'input.kind',
      });
    }
    const id = input.id ?? entityIdFor(input.kind, input.name);
    if (!id.startsWith(`${input.kind.toLowerCase()}:`)) {
      throw new BadUserInputError(`The id of a ${input.kind} starts with "${input.kind.toLowerCase()}:"`, { field: 'input.id' });
    }
    const entity = await repositories.entities.upsert({
      id,
      kind: input.kind,
      name: input.name.trim(),
      aliases: input.aliases?.map((alias) => alias.trim()) ?? null,
      description: input.description ?? null,
    });
    loaders.entityById.clear(id).prime(id, entity);
    return entity;
  }

  @FieldResolver(() => RelationConnection, { description: 'Typed, sourced links to other entities.', complexity: pageCost })
  async relations(
    @Root() entity: EntityRecord,
    @Arg('filter', () => RelationFilter, { nullable: true, description: 'Which relations: by type, direction and the kind of the other end.' }) filter: RelationFilter | null,
    @Args() pageArgs: PageArgs,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<Connection<RelationRecord>> {
    const args = relationPageArgs(filter, pageArgs);
    const result = await loaders.relationsOf.load({ id: entity.id, args });
    for (const item of result.items) loaders.entityById.prime(item.node.other.id, item.node.other);
    return toConnection(
      { ...result, items: result.items.map((item) => ({ sortKey: item.sortKey, node: item.node.relation })) },
      args.page,
    );
  }

  @FieldResolver(() => MentionConnection, {
    description: 'Sentences of articles that mention this entity.',
    complexity: pageCost,
  })
  async mentions(
    @Root() entity: EntityRecord,
    @Args() pageArgs: PageArgs,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<Connection<MentionRecord>> {
    const page = toPageRequest(pageArgs);
    return toConnection(await loaders.mentionsOf.load({ id: entity.id, args: page }), page);
  }
}
