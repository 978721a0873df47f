import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields, selects, type SelectedFields } from '../graphql/selection';
import type { CypherVariant } from '../neo4j/cypher-files';
import { KIND_LABEL } from '../ontology';
import { toEntityRecord, type EntityRecord, type StoredEntity } from './entity.record';

/**
 * The stored properties of entities an operation's answers can read, to be fetched instead of
 * every property (`n {.*}`): a hub's neighbours asked for `{ id name }` then cost two strings
 * each to send, decode and keep, not a dozen. Null means every property: the operation selects
 * a field this module does not know to be safe.
 *
 * The projection is worked out for the whole operation (every entity position, every type), so
 * an entity fetched projected anywhere in a request holds what any of its selections reads, and
 * may be kept by the request's entity loader like a whole one.
 */
export type EntityProjection = readonly string[] | null;

/** Always fetched: what identifies an entity and names its GraphQL type. */
const IDENTITY = ['id', 'kind'] as const;

/** Entity fields and the stored properties each reads; a field not listed makes the projection null. */
export const ENTITY_FIELD_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  id: [],
  kind: [],
  name: ['name'],
  aliases: ['aliases'],
  description: ['description'],
  title: ['title'],
  acronym: ['acronym'],
  url: ['url'],
  publishedOn: ['publishedOn'],
  publishedOnInferred: ['publishedOnInferred'],
  period: ['periodStart', 'periodEnd', 'periodLabel'],
  measure: ['measure'],
  value: ['value'],
  valueText: ['valueText'],
  unit: ['unit'],
  qualifier: ['qualifier'],
  evidence: ['evidence'],
  source: ['sourceId'],
  // Read by id only: an article's text (never part of a projection), and what other domains
  // or the statistic's links give for an entity's id.
  text: [],
  relations: [],
  mentions: [],
  quotations: [],
  history: [],
  publisher: [],
  reportedBy: [],
  collectedBy: [],
  origin: [],
  destination: [],
  places: [],
};

/**
 * Fields of the other types an operation reaches entities through, which read nothing of an
 * entity but its id (they hand ids to the entity loader, or carry data of their own): selecting
 * them keeps the projection. A field of any other type makes it null, since its resolver may
 * read properties of entities the request loaded projected.
 */
export const FIELDS_THAT_READ_NO_ENTITY_PROPERTY: Readonly<Record<string, readonly string[]>> = {
  Query: ['__typename', 'entity', 'entities', 'search', 'statistics', 'neighborhood', 'path'],
  Node: ['__typename', 'id'],
  PageInfo: ['__typename', 'hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'],
  Period: ['__typename', 'start', 'end', 'label'],
  Relation: ['__typename', 'id', 'type', 'from', 'to', 'evidence'],
  Evidence: ['__typename', 'article', 'quote', 'anchor'],
  TextAnchor: ['__typename', 'start', 'end', 'exact', 'prefix', 'suffix'],
  SearchHit: ['__typename', 'entity', 'score'],
  Subgraph: ['__typename', 'nodes', 'relations'],
  Path: ['__typename', 'length', 'nodes', 'relations'],
};

/** Connections and their edges: paging, whatever they hold. */
const CONNECTION_FIELDS = new Set(['__typename', 'edges', 'node', 'cursor', 'pageInfo', 'totalCount']);
const isConnectionType = (typeName: string) => typeName.endsWith('Connection') || typeName.endsWith('Edge');

const ENTITY_TYPE_NAMES = new Set(['Entity', ...Object.values(KIND_LABEL)]);

function projectionOf(selected: SelectedFields): EntityProjection {
  const properties = new Set<string>(IDENTITY);
  for (const [typeName, fields] of selected) {
    for (const field of fields) {
      if (ENTITY_TYPE_NAMES.has(typeName)) {
        const read = ENTITY_FIELD_PROPERTIES[field];
        if (!read) return null;
        for (const property of read) properties.add(property);
      } else if (isConnectionType(typeName) ? !CONNECTION_FIELDS.has(field) : !FIELDS_THAT_READ_NO_ENTITY_PROPERTY[typeName]?.includes(field)) {
        return null;
      }
    }
  }
  return [...properties];
}

const projectionBySelection = new WeakMap<SelectedFields, EntityProjection>();

/** The projection of the resolver's whole operation; worked out once per document. */
export function entityProjection(info: Pick<GraphQLResolveInfo, 'schema' | 'operation' | 'fragments'>): EntityProjection {
  const selected = selectedFields(info);
  let projection = projectionBySelection.get(selected);
  if (projection === undefined) {
    projection = projectionOf(selected);
    projectionBySelection.set(selected, projection);
  }
  return projection;
}

/**
 * Whether the operation reads a relation's evidence: only then do relation queries fetch it (a
 * hub's relations carry one or more quoted sentences each).
 */
export function readsRelationEvidence(info: Pick<GraphQLResolveInfo, 'schema' | 'operation' | 'fragments'>): boolean {
  return entityProjection(info) === null || selects(info, 'Relation', 'evidence');
}

/** Stored as Cypher dates: a projection fetches them as text (cypher/queries/entity/projected.cypher). */
const DATE_PROPERTIES: ReadonlySet<string> = new Set(['periodStart', 'periodEnd', 'publishedOn']);

interface SplitProjection {
  entityProperties: string[];
  entityDates: string[];
  /** The order the values come in: the other properties, then the dates. */
  keys: string[];
}

/** Per projection: entityProjection keeps one per document, which a request's variant, parameters and reader all split. */
const splitByProjection = new WeakMap<readonly string[], SplitProjection>();

/** A projection's properties as its queries send them: the others, then the dates. */
function splitProjection(projection: readonly string[]): SplitProjection {
  let split = splitByProjection.get(projection);
  if (!split) {
    const entityProperties = projection.filter((key) => !DATE_PROPERTIES.has(key));
    const entityDates = projection.filter((key) => DATE_PROPERTIES.has(key));
    split = { entityProperties, entityDates, keys: [...entityProperties, ...entityDates] };
    splitByProjection.set(projection, split);
  }
  return split;
}

/**
 * What a query that returns entities needs to return them as the projection reads them: the
 * variant of its text (cypher/queries/entity/projected.cypher, included where it returns an
 * entity) and its parameters.
 */
export function projectionVariant(projection: EntityProjection): CypherVariant {
  return { wholeEntities: projection === null, entityDates: projection !== null && splitProjection(projection).entityDates.length > 0 };
}

export function projectionParameters(projection: EntityProjection): { entityProperties: string[] | null; entityDates: string[] | null } {
  if (projection === null) return { entityProperties: null, entityDates: null };
  const { entityProperties, entityDates } = splitProjection(projection);
  return { entityProperties, entityDates };
}

/**
 * Reads an entity as a projecting query returns it: with a projection, the list of its values
 * in the order of projectionParameters (the other properties, then the dates), as Cypher has no
 * map built from lists; without, the map of its properties.
 */
export function projectedEntityReader(projection: EntityProjection): (stored: unknown) => EntityRecord {
  if (projection === null) return (stored) => toEntityRecord(stored as StoredEntity);
  const { keys } = splitProjection(projection);
  return (stored) => {
    const values = stored as unknown[];
    const properties: Record<string, unknown> = {};
    for (let index = 0; index < keys.length; index++) {
      if (values[index] != null) properties[keys[index]!] = values[index];
    }
    return toEntityRecord(properties);
  };
}
