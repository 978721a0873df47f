import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { EntityRecord } from './entity.record';
import { Entity, Event } from './entity.type';
import { aliasesOf, provenanceOf } from './provenance.type';

/** Provenance of what every entity carries: its aliases and its description. */
@Resolver(() => Entity)
export class EntityProvenanceResolver {
  @FieldResolver()
  aliasDetails(@Root() entity: EntityRecord) {
    return aliasesOf(entity);
  }

  @FieldResolver()
  descriptionProvenance(@Root() entity: EntityRecord) {
    return entity.description === null ? null : provenanceOf(entity, 'description');
  }

  @FieldResolver()
  provenance(@Root() entity: EntityRecord) {
    return provenanceOf(entity, 'origin');
  }
}

@Resolver(() => Event)
export class EventProvenanceResolver {
  @FieldResolver()
  periodProvenance(@Root() event: EntityRecord) {
    return event.period ? provenanceOf(event, 'period') : null;
  }
}
