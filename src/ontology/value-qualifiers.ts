import { vocabulary } from './vocabulary';

/**
 * How a reported number relates to the true value: "around 20" is APPROXIMATE, "over one
 * million" MORE_THAN. One vocabulary for the seed, the API and the docs.
 */
export const ValueQualifier = vocabulary('EXACT', 'APPROXIMATE', 'AT_LEAST', 'MORE_THAN', 'LESS_THAN');

export type ValueQualifier = keyof typeof ValueQualifier;

export const VALUE_QUALIFIERS: readonly ValueQualifier[] = Object.values(ValueQualifier);

/**
 * The pairs of qualifiers that cannot both hold of one value v: EXACT is v itself, MORE_THAN
 * above it, LESS_THAN below it, AT_LEAST v or above; APPROXIMATE is compatible with any of them.
 */
export const CONFLICTING_QUALIFIERS: readonly (readonly [ValueQualifier, ValueQualifier])[] = [
  [ValueQualifier.EXACT, ValueQualifier.MORE_THAN],
  [ValueQualifier.EXACT, ValueQualifier.LESS_THAN],
  [ValueQualifier.MORE_THAN, ValueQualifier.LESS_THAN],
  [ValueQualifier.AT_LEAST, ValueQualifier.LESS_THAN],
];

/**
 * Whether two statements of the same number, one with each qualifier, cannot both hold: 20 and
 * "more than 20" cannot, 20 and "around 20" or "at least 20" can. (Two different numbers are a
 * disagreement whatever their qualifiers.)
 */
export function qualifiersConflict(a: ValueQualifier, b: ValueQualifier): boolean {
  return CONFLICTING_QUALIFIERS.some(([first, second]) => (first === a && second === b) || (first === b && second === a));
}
