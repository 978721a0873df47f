import { vocabulary } from './vocabulary';

/**
 * How a reported number relates to the true value: "around 20" is APPROXIMATE, "over one
 * million" MORE_THAN. One vocabulary for the seed, the API and the docs.
 */
export const ValueQualifier = vocabulary('EXACT', 'APPROXIMATE', 'AT_LEAST', 'MORE_THAN', 'LESS_THAN');

export type ValueQualifier = keyof typeof ValueQualifier;

export const VALUE_QUALIFIERS: readonly ValueQualifier[] = Object.values(ValueQualifier);
