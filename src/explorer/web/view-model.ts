/*
 * What the explorer holds of the graph: the entities, relations, statistics and quotations the
 * researcher has brought on screen, in the API's own terms (ids, kinds, relation types and
 * provenance kinds are the ontology's, as the GraphQL schema spells them). The graph view draws
 * it, the evidence panel reads it and the exports write it; nothing here touches the page.
 */

/** Where words sit in an article's text (the API's TextAnchor): text.slice(start, end) === exact. */
export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** The article a piece of evidence comes from. */
export interface Source {
  id: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
}

/** The exact words of an article that back a fact. */
export interface Evidence {
  article: Source;
  quote: string;
  anchor: Anchor;
}

/** How a fact came to be trusted (the API's Provenance). */
export interface Provenance {
  kind: 'ASSERTED' | 'INFERRED' | 'EXTERNAL' | 'EXTRACTED';
  reason: string | null;
  source: string | null;
  review: { proposalId: string; extractor: string; reviewedBy: string; reviewedAt: string } | null;
}

export interface Period {
  start: string;
  end: string;
  label: string;
}

/** The number a statistic states, with its official counterpart's verdict where one was asked for. */
export interface StatisticFacts {
  measure: string;
  value: number;
  unit: string | null;
  qualifier: string;
  period: Period | null;
  verdict: string | null;
  officialValue: number | null;
}

export interface ViewEntity {
  id: string;
  /** PERSON, ORGANIZATION, PLACE, POLICY, EVENT, STATISTIC or ARTICLE. */
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
  /** Only for kind STATISTIC. */
  statistic: StatisticFacts | null;
  /** The sentences that state a statistic (its sources; the first is the source); empty otherwise. */
  sources: Evidence[];
  provenance: Provenance | null;
}

export interface ViewRelation {
  id: string;
  /** UPPER_SNAKE_CASE, e.g. CO_CHAIRS. */
  type: string;
  from: string;
  to: string;
  evidence: Evidence[];
  provenance: Provenance | null;
}

export interface ViewQuotation {
  id: string;
  text: string;
  speakerId: string | null;
  direct: boolean;
  evidence: Evidence;
  provenance: Provenance | null;
}

/** A view: what is on screen, or the whole graph for a dump. Relations only join entities it holds. */
export interface ViewGraph {
  entities: ViewEntity[];
  relations: ViewRelation[];
  quotations: ViewQuotation[];
}
