import type { CuratedEntityKind, ValueQualifier } from '../ontology';

/**
 * The shape of cypher/seed/graph.json: the curated knowledge graph of the corpus.
 *
 * Ids are readable and stable across reseeds: `<kind>:<slug of the canonical name>`,
 * e.g. "organization:royal-canadian-mounted-police", "person:mike-kelly".
 * Dates are ISO-8601 calendar dates ("2025-01-31").
 */


export interface SeedPeriod {
  start: string;
  end: string;
  /** The source's own words, e.g. "last fiscal year". */
  label: string;
}

export interface SeedEvidence {
  articleId: string;
  /** A verbatim sentence (or verbatim part of one) of the article. */
  quote: string;
}

export interface SeedArticle {
  id: string;
  name: string;
  /** Derived by us: the texts carry no headline. */
  title: string;
  aliases: string[];
  description: string;
  /** File name under cypher/seed/articles/. */
  file: string;
  publisherId: string;
  publishedOn: string;
  /** True where the date was inferred from the article's content. */
  publishedOnInferred: boolean;
  url?: string;
}

export interface SeedEntity {
  id: string;
  kind: CuratedEntityKind;
  name: string;
  aliases: string[];
  description?: string;
  /** PERSON: the role the sources give, e.g. "U.S. Representative (R-PA)". */
  title?: string;
  /** ORGANIZATION. */
  acronym?: string;
  /** ORGANIZATION and PLACE (not countries, not international borders): the country's id. */
  countryId?: string;
  /** EVENT. */
  period?: SeedPeriod;
}

export interface SeedStatistic {
  id: string;
  /** Readable label, e.g. "Illegal crossings from Washington into British Columbia, January 2025". */
  name: string;
  aliases: string[];
  description?: string;
  measure: string;
  value: number;
  /** The number exactly as written in the text, e.g. "23,700", "one million", "78%". */
  valueText: string;
  unit: string;
  qualifier: ValueQualifier;
  period?: SeedPeriod;
  originId?: string;
  destinationId?: string;
  /** Every place the number is about (origin and destination included). */
  placeIds: string[];
  reportedById?: string;
  sourceId: string;
  /** The verbatim sentence of the source that states the number. */
  evidence: string;
}

export interface SeedRelation {
  /** UPPER_SNAKE_CASE, a curated type of src/ontology/relation-types.ts. */
  type: string;
  fromId: string;
  toId: string;
  evidence: SeedEvidence[];
}

export interface SeedGraph {
  articles: SeedArticle[];
  entities: SeedEntity[];
  statistics: SeedStatistic[];
  /**
   * Relations stated by the text. The links a statistic implies (REPORTED, HAS_ORIGIN,
   * HAS_DESTINATION, ABOUT_PLACE, STATES) and an article's PUBLISHED_BY are derived at load
   * time from the fields above and are not repeated here.
   */
  relations: SeedRelation[];
}
