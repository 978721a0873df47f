import { validateSync } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../graphql/connection';
import type { EntityKind } from '../ontology';
import { toPageRequest, type PageRequest } from '../paging';
import { RelationDirection, RelationFilter } from './relation.type';

/** Which relations of an entity to fetch, whatever the page. */
export interface RelationQuery {
  types: string[] | null;
  direction: RelationDirection;
  otherKinds: EntityKind[] | null;
}

/** What the relations loader is asked for: which relations, and which page of them. */
export interface RelationPageArgs {
  query: RelationQuery;
  page: PageRequest;
}

/** The arguments of an entity's `relations` field: a filter and a page. */
@ArgsType()
export class RelationsArgs extends PageArgs {
  @Field(() => RelationFilter, { nullable: true, description: 'Which relations: by type, direction and the kind of the other end.' })
  filter?: RelationFilter | null;

  /**
   * Arguments read ahead of their field (see relationsSelected), checked by the same rules the
   * field's own arguments are: undefined when they break one, for the field to report.
   */
  static checked(args: Record<string, unknown>): RelationsArgs | undefined {
    const checked = Object.assign(new RelationsArgs(), args);
    return validateSync(checked, { forbidUnknownValues: false }).length === 0 ? checked : undefined;
  }
}

/** The loader's arguments from a `relations` field's (the defaults of RelationFilter applied). */
export function relationPageArgs({ filter, ...page }: RelationsArgs): RelationPageArgs {
  return {
    query: {
      types: filter?.types ?? null,
      direction: filter?.direction ?? RelationDirection.BOTH,
      otherKinds: filter?.otherKinds ?? null,
    },
    page: toPageRequest(page),
  };
}
