import { beforeAll, describe, expect, it } from '@jest/globals';
import { isInterfaceType, isObjectType, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ENTITY_FIELD_PROPERTIES, entityProjection, FIELDS_THAT_READ_NO_ENTITY_PROPERTY, readsRelationEvidence } from '../entity';
import { LINKED_ENTITY_OF_FIELD, linkedEntitiesSelected } from '../statistic';
import { buildBorderKgSchema } from './schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildBorderKgSchema();
});

/** What a resolver's info holds of its operation, for a document of one operation. */
function operationOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return { schema, operation, fragments };
}

const sorted = (projection: readonly string[] | null) => projection && [...projection].sort();

// The benchmark's operations (bench/workload.ts), whose projections bench/profile.ts profiles.
const OPERATION_A = `query A($id: ID!) {
  entity(id: $id) { id name kind relations(first: 20) { edges { node { id type from { id name } to { id name } } } } }
}`;
const OPERATION_C = `query C($placeId: ID!, $from: Date!, $to: Date!) {
  statistics(filter: { placeId: $placeId, from: $from, to: $to }, first: 50) {
    edges { node { id measure value unit period { start end label } reportedBy { name } source { title } } }
  }
}`;
const OPERATION_D = `query D($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: 200) { nodes { id name kind } relations { id type from { id } to { id } } }
}`;

describe('entityProjection', () => {
  it('fetches only what the benchmark operations read', () => {
    expect(sorted(entityProjection(operationOf(OPERATION_A)))).toEqual(['id', 'kind', 'name']);
    expect(sorted(entityProjection(operationOf(OPERATION_D)))).toEqual(['id', 'kind', 'name']);
    expect(sorted(entityProjection(operationOf(OPERATION_C)))).toEqual(
      ['id', 'kind', 'measure', 'name', 'periodEnd', 'periodLabel', 'periodStart', 'sourceId', 'title', 'unit', 'value'].sort(),
    );
    expect(sorted(entityProjection(operationOf(`{ search(query: "rcmp") { score entity { id name kind } } }`)))).toEqual(['id', 'kind', 'name']);
  });

  it('counts fields of fragments and inline fragments under the type they are selected on', () => {
    const document = `query { entity(id: "x") { ...Named ... on Person { title } } } fragment Named on Entity { name aliases }`;
    expect(sorted(entityProjection(operationOf(document)))).toEqual(['aliases', 'id', 'kind', 'name', 'title']);
  });

  it('fetches every property when the operation selects a field it does not know to be safe', () => {
    // aliasDetails reads stored provenance properties; officialComparison reads a statistic and the places it loads.
    expect(entityProjection(operationOf(`{ entity(id: "x") { id aliasDetails { name } } }`))).toBeNull();
    expect(entityProjection(operationOf(`{ statistics { edges { node { id officialComparison { verdict } } } } }`))).toBeNull();
    expect(entityProjection(operationOf(`{ node(id: "x") { id } }`))).toBeNull();
  });

  it('fetches a relation’s evidence only when the operation reads it', () => {
    expect(readsRelationEvidence(operationOf(OPERATION_A))).toBe(false);
    expect(readsRelationEvidence(operationOf(`{ entity(id: "x") { relations { edges { node { evidence { quote } } } } } }`))).toBe(true);
    expect(readsRelationEvidence(operationOf(`{ entity(id: "x") { aliasDetails { name } } }`))).toBe(true);
  });

  it('is worked out once per operation', () => {
    const info = operationOf(OPERATION_A);
    expect(entityProjection(info)).toBe(entityProjection(info));
  });
});

describe('linkedEntitiesSelected', () => {
  it('reads with a statistic only the linked entities its selected fields answer with', () => {
    const info = operationOf(OPERATION_C);
    expect(linkedEntitiesSelected(info, entityProjection(info))).toEqual({ places: false, reporter: true, collector: false, sources: true });
    const places = operationOf(`{ statistics { edges { node { id origin { name } destination { name } places { name } } } } }`);
    expect(linkedEntitiesSelected(places, entityProjection(places))).toEqual({ places: true, reporter: false, collector: false, sources: false });
    const fragment = operationOf(`{ node(id: "x") { ...Counted } } fragment Counted on Statistic { collectedBy { name } }`);
    expect(linkedEntitiesSelected(fragment, ['id', 'kind', 'name'])).toEqual({ places: false, reporter: false, collector: true, sources: false });
  });

  it('reads every linked entity when the entity projection is null', () => {
    const info = operationOf(`{ statistics { edges { node { id officialComparison { verdict } } } } }`);
    expect(linkedEntitiesSelected(info, entityProjection(info))).toEqual({ places: true, reporter: true, collector: true, sources: true });
  });
});

describe('the projection’s tables', () => {
  // A renamed field would be refused by the projection (every property fetched) or, worse, read
  // from a property no longer fetched: every field the tables name must exist where they say.
  it('name entity fields the schema has', () => {
    const entityFields = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if ((isObjectType(type) || isInterfaceType(type)) && (type.name === 'Entity' || type.getInterfaces().some((parent) => parent.name === 'Entity'))) {
        for (const field of Object.keys(type.getFields())) entityFields.add(field);
      }
    }
    expect(Object.keys(ENTITY_FIELD_PROPERTIES).filter((field) => field !== '__typename' && !entityFields.has(field))).toEqual([]);
  });

  it('name Statistic fields the schema has, each answering with an entity', () => {
    const statistic = schema.getType('Statistic');
    if (!isObjectType(statistic)) throw new Error('Statistic is no object type');
    const fields = statistic.getFields();
    expect(Object.keys(LINKED_ENTITY_OF_FIELD).filter((field) => !fields[field] || !String(fields[field].type).match(/^\[?(Place|Organization|Entity|Article)/))).toEqual([]);
  });

  it('name fields of other types the schema has', () => {
    const missing = Object.entries(FIELDS_THAT_READ_NO_ENTITY_PROPERTY).flatMap(([typeName, fields]) => {
      const type = schema.getType(typeName);
      if (!type || !(isObjectType(type) || isInterfaceType(type))) return [typeName];
      return fields.filter((field) => field !== '__typename' && !type.getFields()[field]).map((field) => `${typeName}.${field}`);
    });
    expect(missing).toEqual([]);
  });
});
