import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { toConnection, type Connection } from '../graphql/connection';
import { pageCost } from '../graphql/limits/cost';
import { toPageRequest } from '../paging';
import type { ChangeRecord } from './change.record';
import { Change, ChangeConnection } from './change.type';
import { ChangesArgs } from './history.args';
import type { HistoryContext } from './history.context';

@Resolver(() => Change)
export class HistoryResolver {
  /** Editors only: the whole log says what each key wrote, which is an editor's business (an entity's own history is public). */
  @Authorized('editor')
  @Query(() => ChangeConnection, {
    description: 'Every change of every write since a time, newest first: what each key wrote, for an audit. Needs an editor key.',
    complexity: pageCost,
  })
  async changes(@Args() { since, ...pageArgs }: ChangesArgs, @Ctx() { history }: HistoryContext): Promise<Connection<ChangeRecord>> {
    const request = toPageRequest(pageArgs);
    return toConnection(await history.repository.page(since ?? null, request), request);
  }
}
