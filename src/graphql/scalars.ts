import { DateResolver } from 'graphql-scalars';

/**
 * The contract's `Date`: an ISO-8601 calendar date. graphql-scalars validates input and
 * serialises both JavaScript dates and "YYYY-MM-DD" strings (how records carry dates).
 */
export const DateScalar = DateResolver;

/** Input dates arrive as JavaScript Dates at UTC midnight; Cypher's date() wants "YYYY-MM-DD". */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
