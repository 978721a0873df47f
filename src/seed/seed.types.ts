import type { CuratedEntityKind, Provenance, StatisticRank, ValueQualifier } from '../ontology';

/**
 * The shape of cypher/seed/graph.json: the curated knowledge graph of the corpus.
 *
 * Ids are readable and stable across reseeds: `<kind>:<slug of the canonical name>`,
 * e.g. "organization:royal-canadian-mounted-police", "person:mike-kelly".
 * Dates are ISO-8601 calendar dates ("2025-01-31").
 *
 * Provenance (docs/ontology.md#provenance): every relation, alias, description, date and period
 * says whether the text asserts it (ASSERTED), the curators inferred it (INFERRED, with a
 * reason) or it comes from outside the articles (EXTERNAL, with its source).
 */

/** { kind: 'ASSERTED' } | { kind: 'INFERRED', reason } | { kind: 'EXTERNAL', source, reason? }. */
export type SeedProvenance = Provenance;

/** What every node carries besides its own fields: names and a description, with their provenance. */
export interface SeedNamed {
  name: string;
  /** Other names. Those the texts spell are ASSERTED and need no entry in aliasProvenance. */
  aliases: string[];
  /** The provenance of every alias the texts do not spell (EXTERNAL or INFERRED), by alias. */
  aliasProvenance?: Record<string, SeedProvenance>;
  description?: string;
  /** Required with a description: ASSERTED where it only restates the texts. */
  descriptionProvenance?: SeedProvenance;
}


export interface SeedPeriod {
  start: string;
  end: string;
  /** The source's own words, e.g. "last fiscal year". */
  label: string;
  /** INFERRED with the rule as reason where the dates were resolved from the publication date (required in graph.json). */
  provenance?: SeedProvenance;
}

export interface SeedEvidence {
  articleId: string;
  /** A verbatim sentence (or verbatim part of one) of the article. */
  quote: string;
}

export interface SeedArticle extends SeedNamed {
  id: string;
  /** Derived by us: the texts carry no headline. */
  title: string;
  /** File name under cypher/seed/articles/. */
  file: string;
  publisherId: string;
  publishedOn: string;
  /** True where the date was inferred from the article's content. */
  publishedOnInferred: boolean;
  /** How publishedOn is known, e.g. INFERRED from the content with the reasoning (required in graph.json). */
  publishedOnProvenance?: SeedProvenance;
  url?: string;
}

export interface SeedEntity extends SeedNamed {
  id: string;
  kind: CuratedEntityKind;
  /** PERSON: the role the sources give, e.g. "U.S. Representative (R-PA)". */
  title?: string;
  /** ORGANIZATION. */
  acronym?: string;
  /** ORGANIZATION and PLACE (not countries, not international borders): the country's id. */
  countryId?: string;
  /** EVENT. */
  period?: SeedPeriod;
}

export interface SeedStatistic extends SeedNamed {
  id: string;
  /** Readable label, e.g. "Illegal crossings from Washington into British Columbia, January 2025". */
  name: string;
  /** One of src/ontology/measures.ts, in that measure's unit. */
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
  /** Who counted or caught what is counted, where the text names them and they are not the reporter alone. */
  collectedById?: string;
  sourceId: string;
  /** The verbatim sentence of the source that states the number. */
  evidence: string;
  /** Other articles that state the same number, each with its own words: one fact, several sources. */
  alsoStatedBy?: SeedEvidence[];
  /** Beside the statistics that disagree with it (same measure, period and place, another value); NORMAL when absent. */
  rank?: StatisticRank;
  /** Why PREFERRED or DEPRECATED (required with them, absent with NORMAL). */
  rankReason?: string;
}

export interface SeedRelation {
  /** UPPER_SNAKE_CASE, a curated type of src/ontology/relation-types.ts. */
  type: string;
  fromId: string;
  toId: string;
  evidence: SeedEvidence[];
  /** Whether the evidence states the relation (ASSERTED) or the curators read it into it (INFERRED); required in graph.json. */
  provenance?: SeedProvenance;
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
