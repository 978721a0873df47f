import { EntityKind } from './entity-kinds';

/** One relation type of the ontology: what it means and which kinds of entity it joins. */
export interface RelationTypeDefinition {
  /** UPPER_SNAKE_CASE verb that reads as a sentence: "<from> <TYPE> <to>". */
  type: string;
  meaning: string;
  fromKinds: readonly EntityKind[];
  toKinds: readonly EntityKind[];
  example: string;
  /**
   * Whether one entity may stand at both ends (a self-loop): only where the type gives that a
   * meaning. Absent is false, as for every type so far: nothing borders, is part of, pressures
   * or follows itself, so "Canada BORDERS Canada" is refused.
   */
  reflexive?: boolean;
}

/** Kinds that can act: causal and temporal links may start from any of them, not only from events. */
const ACTORS = [EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.GROUP, EntityKind.PARTY] as const;

/**
 * The relation vocabulary, the single source for validating writes. The first seven are derived
 * by the loader from fields of statistics and articles (see DERIVED_RELATION_TYPES); the rest
 * are curated, each stated by a sentence of the corpus. Kept small on purpose: a new type is
 * added only when no existing one reads true.
 */
export const RELATION_TYPES: readonly RelationTypeDefinition[] = [
  {
    type: 'REPORTED',
    meaning: 'The organization counted or published the number (derived from Statistic.reportedById).',
    fromKinds: ['ORGANIZATION'],
    toKinds: ['STATISTIC'],
    example: 'Royal Canadian Mounted Police REPORTED illegal crossings from Washington into British Columbia, January 2025',
  },
  {
    type: 'COLLECTED',
    meaning: 'The organization or group counted, caught or recorded what the number counts (derived from Statistic.collectedById); the reporter may be another.',
    fromKinds: ['ORGANIZATION', 'GROUP'],
    toKinds: ['STATISTIC'],
    example: 'Canadian border officials COLLECTED Illegal migrants caught in Alberta, 2025 to date (reported by The New York Times)',
  },
  {
    type: 'HAS_ORIGIN',
    meaning: 'The counted movement starts in the place (derived from Statistic.originId).',
    fromKinds: ['STATISTIC'],
    toKinds: ['PLACE'],
    example: 'Illegal crossings from Washington into British Columbia, January 2025 HAS_ORIGIN Washington state',
  },
  {
    type: 'HAS_DESTINATION',
    meaning: 'The counted movement ends in the place (derived from Statistic.destinationId).',
    fromKinds: ['STATISTIC'],
    toKinds: ['PLACE'],
    example: 'Illegal crossings from Washington into British Columbia, January 2025 HAS_DESTINATION British Columbia',
  },
  {
    type: 'ABOUT_PLACE',
    meaning: 'The number is about the place, origin and destination included (derived from Statistic.placeIds).',
    fromKinds: ['STATISTIC'],
    toKinds: ['PLACE'],
    example: 'Length of the U.S.-Canada border: 5,500 miles ABOUT_PLACE U.S.-Canada border',
  },
  {
    type: 'STATES',
    meaning: 'The article states the number (derived from Statistic.sourceId).',
    fromKinds: ['ARTICLE'],
    toKinds: ['STATISTIC'],
    example: 'More Migrants Now Heading North Into Canada ... STATES Apprehensions of migrants crossing south from Canada, fiscal year 2024',
  },
  {
    type: 'PUBLISHED_BY',
    meaning: 'The organization published the article (derived from Article.publisherId).',
    fromKinds: ['ARTICLE'],
    toKinds: ['ORGANIZATION'],
    example: 'More Migrants Now Heading North Into Canada ... PUBLISHED_BY The Post',
  },
  {
    type: 'CITES',
    meaning: 'The article attributes information to the organization or person.',
    fromKinds: ['ARTICLE'],
    toKinds: ['PERSON', 'ORGANIZATION', 'GROUP'],
    example: 'More Migrants Now Heading North Into Canada ... CITES The New York Times',
  },
  {
    type: 'REPORTED_ON',
    meaning: 'The organization, person or group gave an account of the event or policy.',
    fromKinds: ['PERSON', 'ORGANIZATION', 'GROUP'],
    toKinds: ['EVENT', 'POLICY'],
    example: 'U.S. Department of Homeland Security REPORTED_ON Surge of northbound migrants into Canada',
  },
  {
    type: 'CO_CHAIRS',
    meaning: 'The person is a co-chair of the organization.',
    fromKinds: ['PERSON'],
    toKinds: ['ORGANIZATION'],
    example: 'Mike Kelly CO_CHAIRS Northern Border Security Caucus',
  },
  {
    type: 'MEMBER_OF',
    meaning: 'The person belongs to the party or organization.',
    fromKinds: ['PERSON'],
    toKinds: ['PARTY', 'ORGANIZATION'],
    example: 'Mike Kelly MEMBER_OF Republican Party',
  },
  {
    type: 'LEADS',
    meaning: 'The person heads the organization or party.',
    fromKinds: ['PERSON'],
    toKinds: ['ORGANIZATION', 'PARTY'],
    example: 'Donald Trump LEADS Trump administration',
  },
  {
    type: 'REPRESENTS',
    meaning: 'The person is an elected representative of the place.',
    fromKinds: ['PERSON'],
    toKinds: ['PLACE'],
    example: 'Mike Kelly REPRESENTS Pennsylvania',
  },
  {
    type: 'CRITICIZED',
    meaning: 'The person, organization or group expressed concern about or opposition to the target.',
    fromKinds: ['PERSON', 'ORGANIZATION', 'GROUP', 'PARTY'],
    toKinds: ['PERSON', 'ORGANIZATION', 'GROUP', 'POLICY', 'EVENT'],
    example: 'Mike Kelly CRITICIZED Redeployment of border patrol agents to the southern border',
  },
  {
    type: 'IMPLEMENTED',
    meaning: 'The actor (a person, an organization such as a government, a group) adopted or carried out the policy.',
    fromKinds: ACTORS,
    toKinds: ['POLICY'],
    example: "Government of Canada IMPLEMENTED Canada's tightened visa requirements",
  },
  {
    type: 'THREATENED',
    meaning: 'The actor threatened to adopt the policy.',
    fromKinds: ACTORS,
    toKinds: ['POLICY'],
    example: 'Trump administration THREATENED 25% tariffs on Canada',
  },
  {
    type: 'PRESSURED',
    meaning: 'The actor pressed the other to act.',
    fromKinds: ACTORS,
    toKinds: ACTORS,
    example: 'Trump administration PRESSURED Government of Canada',
  },
  {
    type: 'PART_OF',
    meaning: 'The entity is a component of another of the same kind (a measure of a programme, a unit of an agency, a region of a country).',
    fromKinds: ['ORGANIZATION', 'PLACE', 'POLICY'],
    toKinds: ['ORGANIZATION', 'PLACE', 'POLICY'],
    example: "Canada's $900 million border security funding PART_OF Canada's stepped-up border enforcement",
  },
  {
    type: 'CONCERNS',
    meaning: 'The policy or event is about, targets or acts on the entity (equipment it buys or deploys included).',
    fromKinds: ['POLICY', 'EVENT'],
    toKinds: ['PERSON', 'ORGANIZATION', 'PLACE', 'GROUP', 'EQUIPMENT', 'POLICY', 'EVENT'],
    example: '25% tariffs on Canada CONCERNS Canada',
  },
  {
    type: 'INVOLVES',
    meaning: 'The person, organization, place, group or party took part in the event.',
    fromKinds: ['EVENT'],
    toKinds: ACTORS,
    example: 'Discovery of nine migrants in Alberta INVOLVES Royal Canadian Mounted Police',
  },
  {
    type: 'OCCURRED_IN',
    meaning: 'The event took place in the place.',
    fromKinds: ['EVENT'],
    toKinds: ['PLACE'],
    example: 'Discovery of nine migrants in Alberta OCCURRED_IN Alberta',
  },
  {
    type: 'FOLLOWED',
    meaning: 'The event, policy or actor’s act came after, and in the source’s telling because of, the earlier event or policy.',
    fromKinds: ['EVENT', 'POLICY', ...ACTORS],
    toKinds: ['EVENT', 'POLICY'],
    example: "Surge of northbound migrants into Canada FOLLOWED Trump's strict immigration policies",
  },
  {
    type: 'RESPONDED_TO',
    meaning: 'The policy, event or actor answered the other: its pressure, threat, act or an event.',
    fromKinds: ['EVENT', 'POLICY', ...ACTORS],
    toKinds: ['EVENT', 'POLICY', ...ACTORS],
    example: "Canada's stepped-up border enforcement RESPONDED_TO Trump administration",
  },
  {
    type: 'DURING',
    meaning: 'The event, policy or number falls within the other’s time: an event, or an administration’s term.',
    fromKinds: ['EVENT', 'POLICY', 'STATISTIC'],
    toKinds: ['EVENT', 'ORGANIZATION'],
    example: 'Record illegal crossings from Canada under the Biden administration DURING Biden administration',
  },
  {
    type: 'BORDERS',
    meaning: 'The two places share a land border; stated once, read both ways.',
    fromKinds: ['PLACE'],
    toKinds: ['PLACE'],
    example: 'United States BORDERS Canada',
  },
  {
    type: 'SEPARATES',
    meaning: 'The border (a place) runs between its country and another; one relation per country.',
    fromKinds: ['PLACE'],
    toKinds: ['PLACE'],
    example: 'U.S.-Canada border SEPARATES Canada',
  },
  {
    type: 'QUANTIFIES',
    meaning: 'The number is the size of the policy or event (an amount, a rate, a count of its participants).',
    fromKinds: ['STATISTIC'],
    toKinds: ['POLICY', 'EVENT'],
    example: "Canada's border security funding commitment QUANTIFIES Canada's $900 million border security funding",
  },
  {
    type: 'INCREASED_FROM',
    meaning: 'The later count rose from the earlier count of the same measure, as the source compares them.',
    fromKinds: ['STATISTIC'],
    toKinds: ['STATISTIC'],
    example: 'Illegal migrants caught in Alberta, 2025 to date INCREASED_FROM Illegal migrants caught in Alberta, 2024',
  },
  {
    type: 'DECREASED_FROM',
    meaning: 'The later count fell from the earlier count of the same measure, as the source compares them.',
    fromKinds: ['STATISTIC'],
    toKinds: ['STATISTIC'],
    example: 'Individuals crossing from Canada into the US, February 2025 DECREASED_FROM Individuals crossing from Canada into the US, November 2024',
  },
  {
    type: 'MEASURES_CHANGE_FROM',
    meaning: 'The percentage change is measured from this earlier count (its baseline).',
    fromKinds: ['STATISTIC'],
    toKinds: ['STATISTIC'],
    example: 'Drop in crossings from Canada, August 2024 to February 2025 MEASURES_CHANGE_FROM Individuals captured entering the US illegally from Canada, August 2024 (peak)',
  },
  {
    type: 'MEASURES_CHANGE_TO',
    meaning: 'The percentage change is measured to this later count.',
    fromKinds: ['STATISTIC'],
    toKinds: ['STATISTIC'],
    example: 'Drop in crossings from Canada, August 2024 to February 2025 MEASURES_CHANGE_TO Individuals crossing from Canada into the US, February 2025',
  },
  {
    type: 'CONTRASTED_WITH',
    meaning: 'The source sets the two numbers against each other without one being the other’s earlier value.',
    fromKinds: ['STATISTIC'],
    toKinds: ['STATISTIC'],
    example: 'Apprehensions of migrants crossing south from Canada, fiscal year 2024 CONTRASTED_WITH Illegal crossings at the southern border, fiscal year 2024',
  },
];

/**
 * The link from an article to an entity one of its sentences names (src/seed/mentions.ts, the
 * sentence of a recorded statistic, an accepted mention). It is derived from the texts and is no
 * relation between things, so it has no definition among RELATION_TYPES: relations, paths and
 * neighbourhoods leave it out.
 */
export const MENTIONS = 'MENTIONS';

/**
 * Types derived, not curated: those the loader derives from fields of statistics and articles
 * (cypher/seed/graph.json must not list them as relations), and MENTIONS. Editors neither link
 * nor unlink them; they change with what they are derived from.
 */
export const DERIVED_RELATION_TYPES: ReadonlySet<string> = new Set([
  'REPORTED',
  'COLLECTED',
  'HAS_ORIGIN',
  'HAS_DESTINATION',
  'ABOUT_PLACE',
  'STATES',
  'PUBLISHED_BY',
  MENTIONS,
]);

/** The types editors may write with linkEntities and the seed may list: all but the derived ones. */
export const CURATED_RELATION_TYPES: readonly RelationTypeDefinition[] = RELATION_TYPES.filter(
  (definition) => !DERIVED_RELATION_TYPES.has(definition.type),
);

export function relationTypeDefinition(type: string): RelationTypeDefinition | undefined {
  return RELATION_TYPES.find((definition) => definition.type === type);
}
