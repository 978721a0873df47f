/** Word lists the synthetic corpus is built from: border reporting, but invented. */

export const FIRST_NAMES = [
  'Avery', 'Jordan', 'Taylor', 'Morgan', 'Riley', 'Casey', 'Jamie', 'Alex', 'Sam', 'Robin',
  'Claire', 'Marc', 'Sophie', 'Luc', 'Nadia', 'Omar', 'Priya', 'Daniel', 'Grace', 'Henry',
  'Isabelle', 'Jacques', 'Karen', 'Liam', 'Maya', 'Noah', 'Olivia', 'Pierre', 'Quinn', 'Rachel',
  'Simon', 'Tara', 'Victor', 'Wendy', 'Yusuf', 'Zoe', 'Aaron', 'Beatrice', 'Carlos', 'Diane',
  'Elena', 'Felix', 'Gabriel', 'Hannah', 'Ivan', 'Julia', 'Kevin', 'Laura', 'Martin', 'Nicole',
  'Oscar', 'Paula', 'Raj', 'Sara', 'Thomas', 'Ursula', 'Vera', 'William', 'Xavier', 'Yvonne',
];

export const LAST_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Cote', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagne',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Wilson',
  'Martinez', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green',
  'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans',
  'Turner', 'Torres', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers',
  'Singh', 'Patel', 'Chen', 'Wong', 'Nguyen', 'Kim', 'Ali', 'Khan', 'Kowalski', 'Novak',
  'Leblanc', 'Pelletier', 'Belanger', 'Levesque', 'Bergeron', 'Leclerc', 'Poirier', 'Fournier', 'Girard', 'Caron',
];

export const PERSON_TITLES = [
  'U.S. Representative', 'Senator', 'Member of Parliament', 'Border Patrol sector chief', 'RCMP spokesperson',
  'immigration lawyer', 'mayor', 'professor of migration studies', 'customs officer', 'union representative',
  'refugee advocate', 'Minister of Public Safety', 'county sheriff', 'policy analyst', 'trade negotiator',
];

export const PROVINCES = [
  'Ontario', 'Quebec', 'British Columbia', 'Alberta', 'Manitoba', 'Saskatchewan', 'Nova Scotia',
  'New Brunswick', 'Newfoundland and Labrador', 'Prince Edward Island', 'Yukon', 'Northwest Territories', 'Nunavut',
];

export const STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas',
  'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
];

export const TOWN_HEADS = [
  'Ash', 'Bel', 'Cal', 'Dun', 'Elm', 'Fair', 'Glen', 'Har', 'Iron', 'Kings', 'Lake', 'Maple', 'North', 'Oak',
  'Pine', 'Red', 'Silver', 'Stone', 'Timber', 'Wil', 'Black', 'Cedar', 'Clear', 'Deer', 'Eagle', 'Fox', 'Gold',
  'Green', 'High', 'Lynn', 'Mill', 'Moose', 'Pike', 'Rock', 'Spring', 'Sun', 'White', 'Wolf', 'Bay', 'Birch',
];

export const TOWN_TAILS = [
  'brook', 'field', 'ford', 'ton', 'ville', 'wood', 'dale', 'mont', 'bury', 'port',
  'view', 'ridge', 'haven', 'stead', 'water', 'falls', 'creek', 'burg', 'land', 'crest',
];

/** How a synthetic place is named from a town name. */
export const PLACE_FORMS = ['{}', '{} County', 'Port of {}', '{} Crossing', '{} Valley', 'Lake {}', 'East {}'];

export const FIXED_ORGANIZATIONS: { name: string; acronym?: string; country: 'ca' | 'us' }[] = [
  { name: 'U.S. Customs and Border Protection', acronym: 'CBP', country: 'us' },
  { name: 'U.S. Border Patrol', acronym: 'USBP', country: 'us' },
  { name: 'U.S. Department of Homeland Security', acronym: 'DHS', country: 'us' },
  { name: 'Royal Canadian Mounted Police', acronym: 'RCMP', country: 'ca' },
  { name: 'Canada Border Services Agency', acronym: 'CBSA', country: 'ca' },
  { name: 'Immigration, Refugees and Citizenship Canada', acronym: 'IRCC', country: 'ca' },
  { name: 'U.S. Immigration and Customs Enforcement', acronym: 'ICE', country: 'us' },
  { name: 'Public Safety Canada', country: 'ca' },
  { name: 'Northern Border Security Caucus', country: 'us' },
  { name: 'Trump administration', country: 'us' },
];

export const PUBLICATION_WORDS = ['Herald', 'Post', 'Times', 'Gazette', 'Tribune', 'Chronicle', 'Observer', 'Standard', 'Ledger', 'Courier'];

export const ORG_DOMAINS = [
  'Border', 'Migration', 'Refugee', 'Customs', 'Trade', 'Security', 'Immigration', 'Enforcement', 'Asylum',
  'Transport', 'Labour', 'Public Safety', 'Human Rights', 'Policy', 'Smuggling Prevention',
];

export const ORG_TYPES = [
  'Agency', 'Council', 'Association', 'Institute', 'Coalition', 'Office', 'Commission', 'Caucus', 'Task Force',
  'Foundation', 'Network', 'Bureau',
];

export const POLICY_ADJECTIVES = [
  'Expanded', 'Temporary', 'Revised', 'Emergency', 'Joint', 'Stricter', 'Federal', 'Provincial', 'Bilateral',
  'Interim', 'Permanent', 'Targeted', 'Enhanced', 'Streamlined', 'Reciprocal',
];

export const POLICY_TOPICS = [
  'visa screening', 'asylum processing', 'border surveillance', 'tariff', 'detention', 'deportation',
  'work permit', 'drone patrol', 'port of entry staffing', 'safe third country', 'biometric entry',
  'cargo inspection', 'refugee resettlement', 'border security funding', 'smuggling penalty', 'travel advisory',
  'customs data sharing', 'helicopter procurement', 'northern border staffing', 'student permit',
];

export const POLICY_INSTRUMENTS = ['rule', 'programme', 'agreement', 'order', 'directive', 'bill', 'plan', 'initiative', 'regulation', 'pilot', 'framework', 'fund'];

export const EVENT_TYPES = [
  'Discovery of migrants', 'Surge of northbound crossings', 'Temporary border closure', 'Smuggling arrest',
  'Asylum claim backlog', 'Protest at the border', 'Trade dispute', 'Joint patrol operation',
  'Detention of travellers', 'Drone sighting', 'Rescue of stranded migrants', 'Hearing on border security',
];

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

export interface MeasureSpec {
  measure: string;
  unit: string;
  movement: boolean;
  min: number;
  max: number;
  weight: number;
}

/** The ontology's measures, weighted towards counts of movement as in the reporting. */
export const MEASURES: MeasureSpec[] = [
  { measure: 'illegal crossings', unit: 'crossings', movement: true, min: 5, max: 20_000, weight: 30 },
  { measure: 'migrant crossings', unit: 'people', movement: true, min: 5, max: 20_000, weight: 20 },
  { measure: 'apprehensions', unit: 'people', movement: true, min: 10, max: 30_000, weight: 20 },
  { measure: 'migrants discovered', unit: 'people', movement: false, min: 2, max: 200, weight: 8 },
  { measure: 'migrants illegally crossing per day', unit: 'people per day', movement: true, min: 1, max: 300, weight: 6 },
  { measure: 'percentage drop in illegal crossings', unit: 'percent', movement: false, min: 1, max: 95, weight: 6 },
  { measure: 'border security funding', unit: 'USD', movement: false, min: 1_000_000, max: 2_000_000_000, weight: 4 },
  { measure: 'smuggling fee', unit: 'dollars', movement: false, min: 500, max: 20_000, weight: 3 },
  { measure: 'helicopters purchased', unit: 'helicopters', movement: false, min: 1, max: 12, weight: 1 },
  { measure: 'tariff rate', unit: 'percent', movement: false, min: 5, max: 50, weight: 1 },
  { measure: 'border length', unit: 'miles', movement: false, min: 10, max: 5_500, weight: 1 },
];

export const STATEMENT_TAILS = [
  'officials said', 'according to internal figures', 'a spokesperson confirmed', 'the report noted',
  'records show', 'in a statement', 'at a hearing', 'sources said',
];

export const HEADLINE_VERBS = ['rise', 'fall', 'surge', 'slow', 'shift', 'draw scrutiny', 'test officials', 'spark debate'];
