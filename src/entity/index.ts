/** The entity domain's door: what other domains and the composition root may use. */
export { EntityScope, type EntityContext, type EntitySelectionPrefetch } from './entity.context';
export { entityIdFor, nameClaimsOf, nameKeysOf, slugify, type NameClaim } from './entity-identity';
export { claimNames, releaseNames, type NameConflict } from './entity.repository';
export { claimMissingNameKeys, describeNameConflict } from './entity.service';
export {
  ENTITY_FIELD_PROPERTIES,
  FIELDS_THAT_READ_NO_ENTITY_PROPERTY,
  entityProjection,
  projectedEntityReader,
  projectionParameters,
  projectionVariant,
  readsRelationEvidence,
  type EntityProjection,
} from './entity-projection';
export { accountedProperties, toEntityRecord, type EntityRecord, type PeriodRecord, type StoredEntity } from './entity.record';
export { Entity, Equipment, Event, Group, Node, Organization, Party, Period, Person, Place, Policy } from './entity.type';
export { Alias, Provenance, aliasesOf, provenanceOf } from './provenance.type';
export { References, type ReferencedEntity } from './references';

import { OrganizationCountryResolver, PlaceCountryResolver } from './country.resolver';
import { EntityHistoryResolver } from './entity-history.resolver';
import { EntityProvenanceResolver, EventProvenanceResolver } from './entity-provenance.resolver';
import { EntityResolver } from './entity.resolver';

export const entityResolvers = [
  EntityResolver,
  PlaceCountryResolver,
  OrganizationCountryResolver,
  EntityProvenanceResolver,
  EventProvenanceResolver,
  EntityHistoryResolver,
] as const;
