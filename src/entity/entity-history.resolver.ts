import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, toConnection, type Connection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { ChangeConnection, type ChangeRecord } from '../history';
import { toPageRequest } from '../paging';
import type { EntityContext } from './entity.context';
import type { EntityRecord } from './entity.record';
import { Entity } from './entity.type';

/** What writes did to an entity: the history domain's records, as a field of Entity (the history knows no entity). */
@Resolver(() => Entity)
export class EntityHistoryResolver {
  @FieldResolver(() => ChangeConnection, {
    description:
      'What the API\'s writes changed of this entity, newest first: its own writes, its links made or removed, the statistics recorded about it; who, when, and the properties before and after. The curated seed records none.',
    complexity: pageCost,
  })
  async history(@Root() entity: EntityRecord, @Args() pageArgs: PageArgs, @Ctx() { history }: EntityContext): Promise<Connection<ChangeRecord>> {
    const request = toPageRequest(pageArgs);
    return toConnection(await history.ofEntities.load({ id: entity.id, args: request }), request);
  }
}
