import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  getOperationAST,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type DocumentNode,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { pageCost, resolvedOperationCost } from './cost';

/** How many times the estimators ran: once per estimate of a document with one `items` field. */
let estimatorRuns = 0;
const countedPageCost: ComplexityEstimator = (options) => {
  estimatorRuns += 1;
  return pageCost(options);
};

const Item = new GraphQLObjectType({ name: 'Item', fields: { id: { type: GraphQLID }, name: { type: GraphQLString } } });
const Kind = new GraphQLEnumType({ name: 'Kind', values: { PLACE: {}, PERSON: {} } });
const ItemFilter = new GraphQLInputObjectType({ name: 'ItemFilter', fields: { kind: { type: Kind }, size: { type: GraphQLInt } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      item: { type: Item, args: { id: { type: new GraphQLNonNull(GraphQLID) } } },
      items: {
        type: new GraphQLList(Item),
        args: {
          first: { type: GraphQLInt, defaultValue: 20 },
          after: { type: GraphQLString },
          kind: { type: Kind },
          filter: { type: ItemFilter },
        },
        extensions: { complexity: countedPageCost },
      },
    },
  }),
});

/** The cost as the plugins see it, for a new request (Apollo makes one per HTTP operation). */
function costOf(document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number | undefined {
  const operation = getOperationAST(document, operationName) ?? undefined;
  return resolvedOperationCost({ schema, document, operation, request: { variables } });
}

beforeEach(() => {
  estimatorRuns = 0;
});

describe('resolvedOperationCost', () => {
  it('estimates a document once for requests differing only in ID, String and enum variables', () => {
    const document = parse('query ($id: ID!, $after: String, $kind: Kind) { item(id: $id) { id } items(first: 5, after: $after, kind: $kind) { id name } }');
    const costs = [
      costOf(document, { id: 'place:canada' }),
      costOf(document, { id: 'place:maine', after: 'abc' }),
      costOf(document, { id: 'person:someone', kind: 'PERSON' }),
    ];
    // item: 1 + id; items: 1 + 5 × (id + name)
    expect(costs).toEqual([13, 13, 13]);
    expect(estimatorRuns).toBe(1);
  });

  it('gives a different cost for a different `first`, and each again without estimating anew', () => {
    const document = parse('query ($first: Int) { items(first: $first) { id name } }');
    expect([costOf(document, { first: 2 }), costOf(document, { first: 10 }), costOf(document, { first: 2 }), costOf(document, { first: 10 })]).toEqual([
      5, 21, 5, 21,
    ]);
    expect(estimatorRuns).toBe(2);
  });

  it('tells an absent variable (its default applies) from a null one', () => {
    const document = parse('query ($first: Int = 3) { items(first: $first) { id } }');
    // Absent: 3 items. Null: no size given, counted as the largest page (100).
    expect([costOf(document, {}), costOf(document, { first: null }), costOf(document, {})]).toEqual([4, 101, 4]);
  });

  it('keys on the Boolean variables of @include and @skip, which leave fields out', () => {
    const document = parse('query ($more: Boolean!) { items(first: 10) { id name @include(if: $more) } }');
    expect([costOf(document, { more: false }), costOf(document, { more: true }), costOf(document, { more: false })]).toEqual([11, 21, 11]);
    expect(estimatorRuns).toBe(2);
  });

  it('keys on input object variables', () => {
    const document = parse('query ($filter: ItemFilter, $first: Int) { items(filter: $filter, first: $first) { id } }');
    expect(costOf(document, { filter: { kind: 'PLACE' }, first: 1 })).toBe(2);
    expect(costOf(document, { filter: { kind: 'PERSON' }, first: 1 })).toBe(2);
    expect(estimatorRuns).toBe(2);
  });

  it('has no cost for variables that do not fit their types, whatever was estimated before', () => {
    const document = parse('query ($first: Int) { items(first: $first) { id } }');
    expect(costOf(document, { first: 2 })).toBe(3);
    expect(costOf(document, { first: 'two' })).toBeUndefined();
    expect(costOf(document, { first: 2.5 })).toBeUndefined();
    expect(costOf(document, { first: 2 })).toBe(3);
  });

  it('estimates each operation of a document by its own selection', () => {
    const document = parse('query Small { items(first: 1) { id } } query Large { items(first: 50) { id } }');
    expect([costOf(document, {}, 'Small'), costOf(document, {}, 'Large'), costOf(document, {}, 'Small')]).toEqual([2, 51, 2]);
    expect(estimatorRuns).toBe(2);
  });

  it('estimates another DocumentNode anew, even of the same text', () => {
    const text = '{ items(first: 4) { id } }';
    expect([costOf(parse(text)), costOf(parse(text))]).toEqual([5, 5]);
    expect(estimatorRuns).toBe(2);
  });

  it('keeps at most 64 estimates per operation, forgetting the oldest first', () => {
    const document = parse('query ($first: Int) { items(first: $first) { id } }');
    for (let first = 0; first <= 64; first += 1) expect(costOf(document, { first })).toBe(1 + first);
    expect(estimatorRuns).toBe(65);
    costOf(document, { first: 64 });
    expect(estimatorRuns).toBe(65);
    costOf(document, { first: 0 });
    expect(estimatorRuns).toBe(66);
  });

  it('estimates without the cache when a variable has no JSON (possible in-process only)', () => {
    const document = parse('query ($filter: ItemFilter) { items(filter: $filter, first: 1) { id } }');
    // graphql-js reads an input object's own fields only; the inherited toJSON makes JSON.stringify throw.
    const unserialisable = () => Object.assign(Object.create({ toJSON: () => { throw new Error('no JSON'); } }) as object, { kind: 'PLACE' });
    expect([costOf(document, { filter: unserialisable() }), costOf(document, { filter: unserialisable() })]).toEqual([2, 2]);
    expect(estimatorRuns).toBe(2);
  });
});
