/**
 * A small gazetteer of the places border reporting names: countries, U.S. states (with their
 * postal codes, as in "(R-PA)") and Canadian provinces and territories. It lets candidate
 * entities be guessed PLACE without a model; compromise knows many of these too, but not all
 * (it reads "U.S." as an organization).
 */

const COUNTRIES = [
  'United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.', 'America', 'Canada', 'Mexico',
  'Guatemala', 'Honduras', 'El Salvador', 'Nicaragua', 'Costa Rica', 'Panama', 'Cuba', 'Haiti', 'Venezuela',
  'Colombia', 'Ecuador', 'Peru', 'Brazil', 'Chile', 'Argentina', 'Bolivia', 'India', 'China', 'Russia',
  'Ukraine', 'Afghanistan', 'Iran', 'Iraq', 'Syria', 'Turkey', 'Nigeria', 'Senegal', 'Mauritania', 'Egypt',
  'United Kingdom', 'U.K.', 'UK', 'Britain', 'Great Britain', 'England', 'Ireland', 'France', 'Germany',
  'Italy', 'Spain', 'Portugal', 'Poland', 'Romania', 'Greece', 'Israel', 'Japan', 'South Korea', 'North Korea',
  'Vietnam', 'Philippines', 'Indonesia', 'Pakistan', 'Bangladesh', 'Australia', 'New Zealand',
];

/** U.S. states by postal code. */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada',
  NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina',
  ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island',
  SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont',
  VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

const CANADIAN_PROVINCES = [
  'Alberta', 'British Columbia', 'Manitoba', 'New Brunswick', 'Newfoundland and Labrador', 'Newfoundland',
  'Nova Scotia', 'Ontario', 'Prince Edward Island', 'Quebec', 'Québec', 'Saskatchewan', 'Yukon',
  'Northwest Territories', 'Nunavut',
];

const PLACES: ReadonlySet<string> = new Set(
  [...COUNTRIES, ...Object.values(US_STATES), ...CANADIAN_PROVINCES].map((name) => name.toLowerCase()),
);

/** Whether the name is a country, a U.S. state or a Canadian province, as written or spelled out. */
export function isGazetteerPlace(name: string): boolean {
  return PLACES.has(name.toLowerCase());
}

/** Whether the name is a U.S. state ("Washington" of "Washington state"). */
export function isUsState(name: string): boolean {
  return Object.values(US_STATES).some((state) => state.toLowerCase() === name.toLowerCase());
}
