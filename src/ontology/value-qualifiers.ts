/**
 * How a reported number relates to the true value: "around 20" is APPROXIMATE, "over one
 * million" MORE_THAN. One vocabulary for the seed, the API and the docs (see entity-kinds.ts
 * for why a const object).
 */
export const ValueQualifier = {
  EXACT: 'EXACT',
  APPROXIMATE: 'APPROXIMATE',
  AT_LEAST: 'AT_LEAST',
  MORE_THAN: 'MORE_THAN',
  LESS_THAN: 'LESS_THAN',
} as const;

export type ValueQualifier = (typeof ValueQualifier)[keyof typeof ValueQualifier];

export const VALUE_QUALIFIERS: readonly ValueQualifier[] = Object.values(ValueQualifier);
