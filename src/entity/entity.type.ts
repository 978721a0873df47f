import { Field, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../graphql/connection';
import { DateScalar } from '../graphql/scalars';
import { EntityKind, KIND_LABEL } from '../ontology';
import type { EntityRecord } from './entity.record';
import { Alias, Provenance } from './provenance.type';

registerEnumType(EntityKind, {
  name: 'EntityKind',
  description: 'The kinds of thing the graph knows; each is also a Neo4j label beside :Entity.',
});

/**
 * Entities carry a kind, which names their type; other nodes name their type themselves
 * (`typeName`, e.g. a quotation's), or else are relations. Their types are named, not imported:
 * relation/ and quotation/ depend on entity/, never the reverse.
 */
@InterfaceType({
  description: 'Anything with a stable, readable id, e.g. "organization:royal-canadian-mounted-police".',
  resolveType: (value: { kind?: EntityKind; typeName?: string }) => value.typeName ?? (value.kind ? KIND_LABEL[value.kind] : 'Relation'),
})
export abstract class Node {
  @Field(() => ID, { description: 'Stable across reseeds and readable: "<kind>:<slug>" for entities.' })
  id: string;
}

@InterfaceType({
  implements: Node,
  description:
    'Anything the graph knows about: a person, an organization, a place, a policy, an event, a group of people, a party, equipment, a statistic, an article.',
  resolveType: (value: EntityRecord) => KIND_LABEL[value.kind],
})
export abstract class Entity extends Node {
  @Field(() => EntityKind, { description: 'What sort of thing this is; also its GraphQL type.' })
  kind: EntityKind;

  @Field({ description: "Canonical name, e.g. 'Royal Canadian Mounted Police'." })
  name: string;

  @Field(() => [String], { description: "Other names the sources use, e.g. 'RCMP', 'Mounties'." })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'A short account of the entity, written by the curators.' })
  description: string | null;

  @Field(() => [Alias], { description: 'The aliases with their provenance: spelled by the texts (ASSERTED) or from outside them (EXTERNAL).' })
  aliasDetails: Alias[];

  @Field(() => Provenance, {
    nullable: true,
    description: 'Where the description comes from: the texts, the curators’ reading (with a reason), or outside sources; null where not recorded.',
  })
  descriptionProvenance: Provenance | null;

  @Field(() => Provenance, {
    nullable: true,
    description: 'Where the entity itself comes from: EXTRACTED (with its review) for one an editor accepted from an ingested article; null for the curated graph and editors\' own writes.',
  })
  provenance: Provenance | null;
}

@ObjectType({
  description: "A span of time; 'January 2025' is 2025-01-01..2025-01-31, 'last fiscal year' a U.S. fiscal year, October to September.",
})
export class Period {
  @Field(() => DateScalar, { description: 'First day of the span, inclusive.' })
  start: string;

  @Field(() => DateScalar, { description: 'Last day of the span, inclusive.' })
  end: string;

  @Field({ description: "The words the source used, e.g. 'last fiscal year'." })
  label: string;
}

@ObjectType({ implements: [Node, Entity], description: 'A person the sources name.' })
export class Person extends Entity {
  @Field(() => String, { nullable: true, description: "Role as the sources give it, e.g. 'U.S. Representative (R-PA)'." })
  title: string | null;
}

@ObjectType({ implements: [Node, Entity], description: 'An agency, caucus, administration, outlet or company.' })
export class Organization extends Entity {
  @Field(() => String, { nullable: true, description: "Short form, e.g. 'RCMP'." })
  acronym: string | null;

  countryId: string | null;
}

@ObjectType({ implements: [Node, Entity], description: 'A country, state, province, region or border.' })
export class Place extends Entity {
  countryId: string | null;
}

@ObjectType({ implements: [Node, Entity], description: 'A policy, measure or commitment: tariffs, funding, visa rules.' })
export class Policy extends Entity {}

@ObjectType({ implements: [Node, Entity], description: 'Something that happened: a discovery, an election.' })
export class Event extends Entity {
  @Field(() => Period, { nullable: true, description: 'When it happened, as the source dates it.' })
  period: Period | null;

  @Field(() => Provenance, {
    nullable: true,
    description: 'How the period is known: INFERRED with the rule as reason where resolved from the publication date; null without a period.',
  })
  periodProvenance: Provenance | null;
}

@ObjectType({
  implements: [Node, Entity],
  description: "People the texts speak of as a group, without naming them: 'northbounders', Canadian coyotes, 'US officials', unnamed 'sources'.",
})
export class Group extends Entity {}

@ObjectType({ implements: [Node, Entity], description: "A political party, e.g. the Republican Party of Kelly's '(R-PA)'." })
export class Party extends Entity {}

@ObjectType({ implements: [Node, Entity], description: 'Equipment or an asset: Black Hawk helicopters, drones.' })
export class Equipment extends Entity {}

export const { Edge: EntityEdge, Connection: EntityConnection } = connectionTypes('Entity', () => Entity);
