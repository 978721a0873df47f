/** The entity domain's door: what other domains and the composition root may use. */
export { EntityScope, type EntityContext, type EntitySelectionPrefetch } from './entity.context';
export { entityIdFor, nameKeysOf, slugify } from './entity-identity';
export { toEntityRecord, type EntityRecord, type PeriodRecord, type StoredEntity } from './entity.record';
export { Entity, Event, Node, Organization, Period, Person, Place, Policy } from './entity.type';
export { References, type ReferencedEntity } from './references';

import { OrganizationCountryResolver, PlaceCountryResolver } from './country.resolver';
import { EntityResolver } from './entity.resolver';

export const entityResolvers = [EntityResolver, PlaceCountryResolver, OrganizationCountryResolver] as const;
