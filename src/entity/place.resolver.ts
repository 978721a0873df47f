import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import type { EntityRecord } from './entity.record';
import { Organization, Place } from './entity.type';

/** `country` is a property (countryId), not a relation: no sentence states a province's country. */
function countryOf(entity: EntityRecord, { loaders }: GraphQLContext) {
  return entity.countryId ? loaders.entityById.load(entity.countryId) : null;
}

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => Place, {
    nullable: true,
    description: 'The country a place lies in; null for a country or a border between countries.',
  })
  country(@Root() place: EntityRecord, @Ctx() context: GraphQLContext) {
    return countryOf(place, context);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Place, { nullable: true, description: 'The country the organization belongs to.' })
  country(@Root() organization: EntityRecord, @Ctx() context: GraphQLContext) {
    return countryOf(organization, context);
  }
}
