import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EntityContext } from './entity.context';
import type { EntityRecord } from './entity.record';
import { Organization, Place } from './entity.type';

/** `country` is a property (countryId), not a relation: no sentence states a province's country. */
function countryOf(entity: EntityRecord, { entities }: EntityContext) {
  return entity.countryId ? entities.load(entity.countryId) : null;
}

@Resolver(() => Place)
export class PlaceCountryResolver {
  @FieldResolver(() => Place, {
    nullable: true,
    description: 'The country a place lies in; null for a country or a border between countries.',
  })
  country(@Root() place: EntityRecord, @Ctx() context: EntityContext) {
    return countryOf(place, context);
  }
}

@Resolver(() => Organization)
export class OrganizationCountryResolver {
  @FieldResolver(() => Place, { nullable: true, description: 'The country the organization belongs to.' })
  country(@Root() organization: EntityRecord, @Ctx() context: EntityContext) {
    return countryOf(organization, context);
  }
}
