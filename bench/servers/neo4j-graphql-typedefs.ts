import { KIND_LABEL, RELATION_TYPES } from '../../src/index';
import { CORPUS_KINDS, type CorpusKind } from '../generator/corpus';


/**
 * Type definitions for @neo4j/graphql 7 over the same graph: one type per kind (labels
 * [EntityKind, Entity]), and for every relation type of the ontology that a kind may start or end,
 * a relationship field: `out_<TYPE>` and `in_<TYPE>`, whose other end is `Thing`, any :Entity
 * (the library needs one type per relationship field, and most of ours join several kinds).
 * `Thing` also carries the full-text index of the service (entity_search over :Entity).
 */

const KINDS = CORPUS_KINDS;

const COMMON_FIELDS = `
  id: ID!
  kind: String!
  name: String!
  aliases: [String!]!
  description: String`;

const EXTRA_FIELDS: Record<CorpusKind, string> = {
  PERSON: '\n  title: String',
  ORGANIZATION: '\n  acronym: String\n  countryId: String',
  PLACE: '\n  countryId: String',
  POLICY: '',
  EVENT: '\n  periodStart: Date\n  periodEnd: Date\n  periodLabel: String',
  STATISTIC: `
  measure: String!
  value: Float!
  valueText: String
  unit: String!
  qualifier: String!
  evidence: String!
  sourceId: String!
  periodStart: Date
  periodEnd: Date
  periodLabel: String`,
  ARTICLE: '\n  title: String!\n  url: String\n  publishedOn: Date\n  publishedOnInferred: Boolean\n  text: String!',
};

/** Relationship fields a kind gets: out_<TYPE> where it may start the relation, in_<TYPE> where it may end it. */
export function relationFields(kind: CorpusKind): { field: string; type: string; direction: 'OUT' | 'IN' }[] {
  const fields: { field: string; type: string; direction: 'OUT' | 'IN' }[] = [];
  for (const definition of RELATION_TYPES) {
    if ((definition.fromKinds as readonly string[]).includes(kind)) fields.push({ field: `out_${definition.type}`, type: definition.type, direction: 'OUT' });
    if ((definition.toKinds as readonly string[]).includes(kind)) fields.push({ field: `in_${definition.type}`, type: definition.type, direction: 'IN' });
  }
  return fields;
}

/** The root query field of a kind's list (the library pluralises the type name in camel case). */
export const ROOT_FIELD: Record<CorpusKind, string> = {
  PERSON: 'people',
  ORGANIZATION: 'organizations',
  PLACE: 'places',
  POLICY: 'policies',
  EVENT: 'events',
  STATISTIC: 'statistics',
  ARTICLE: 'articles',
};

export function neo4jGraphqlTypeDefs(): string {
  const kindTypes = KINDS.map((kind) => {
    const label = KIND_LABEL[kind];
    const relationships = relationFields(kind)
      .map(({ field, type, direction }) => `\n  ${field}: [Thing!]! @relationship(type: "${type}", direction: ${direction}, properties: "RelationProperties")`)
      .join('');
    const statisticLinks =
      kind === 'STATISTIC'
        ? `
  aboutPlace: [Place!]! @relationship(type: "ABOUT_PLACE", direction: OUT)
  reportedBy: [Organization!]! @relationship(type: "REPORTED", direction: IN)
  source: [Article!]! @relationship(type: "STATES", direction: IN)`
        : '';
    return `type ${label} @node(labels: ["${label}", "Entity"]) {${COMMON_FIELDS}${EXTRA_FIELDS[kind]}${relationships}${statisticLinks}\n}`;
  });
  return `
type RelationProperties @relationshipProperties {
  id: String!
  evidence: [String!]!
}

type Thing
  @node(labels: ["Entity"])
  @fulltext(indexes: [{ indexName: "entity_search", queryName: "searchThings", fields: ["name", "description"] }]) {${COMMON_FIELDS}
}

${kindTypes.join('\n\n')}
`;
}
