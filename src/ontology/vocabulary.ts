/**
 * A closed vocabulary as a const object whose keys are its values, e.g. { PERSON: 'PERSON' }:
 * usable as a TypeScript enum (EntityKind.PERSON), as a GraphQL enum (registerEnumType), and
 * as the type of the plain strings of the seed's JSON and of Cypher results, which a
 * TypeScript enum would not accept.
 */
export function vocabulary<const T extends string>(...values: T[]): Readonly<{ [K in T]: K }> {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K });
}
