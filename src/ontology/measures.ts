/**
 * What a statistic counts, from a closed list, each with the one unit its values are in. The
 * seed, recordStatistic and docs/ontology.md use this list; a number in another unit is another
 * measure ("illegal crossings" counts crossings, "migrant crossings" counts people).
 */
export interface MeasureDefinition {
  /** Lower case, what is counted. */
  measure: string;
  unit: string;
  meaning: string;
}

export const MEASURES: readonly MeasureDefinition[] = [
  { measure: 'illegal crossings', unit: 'crossings', meaning: 'Illegal border crossings counted as events (one person may cross twice).' },
  { measure: 'migrant crossings', unit: 'people', meaning: 'People who crossed or were caught crossing, counted as individuals.' },
  { measure: 'migrants illegally crossing per day', unit: 'people per day', meaning: 'An average daily number of people crossing illegally.' },
  { measure: 'apprehensions', unit: 'people', meaning: 'People apprehended or caught by border authorities.' },
  { measure: 'migrants discovered', unit: 'people', meaning: 'People found in one discovery or interception.' },
  { measure: 'percentage drop in illegal crossings', unit: 'percent', meaning: 'A fall between two counts, as a percentage of the earlier one.' },
  { measure: 'border length', unit: 'miles', meaning: 'The length of a border.' },
  { measure: 'tariff rate', unit: 'percent', meaning: 'A tariff, as a percentage of the value of imports.' },
  { measure: 'border security funding', unit: 'USD', meaning: 'Money committed to border security, in U.S. dollars.' },
  { measure: 'helicopters purchased', unit: 'helicopters', meaning: 'Helicopters bought.' },
];

export function measureDefinition(measure: string): MeasureDefinition | undefined {
  const wanted = measure.trim().toLowerCase();
  return MEASURES.find((definition) => definition.measure === wanted);
}
