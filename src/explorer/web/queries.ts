/*
 * The GraphQL the explorer sends, and how answers become the view model. One request per user
 * action: a search, opening or expanding an entity, a path, an article's text, a chart.
 */
import type { Anchor, Evidence, Provenance, Source, ViewEntity, ViewQuotation, ViewRelation } from './view-model.js';

/** The fragments the documents share; each document carries only those it spreads (GraphQL refuses unused ones). */
const FRAGMENTS: Record<string, string> = {
  Source: 'fragment Source on Article { id title url publishedOn publisher { name } }',
  EvidenceFields: 'fragment EvidenceFields on Evidence { quote anchor { start end exact prefix suffix } article { ...Source } }',
  ProvenanceFields: 'fragment ProvenanceFields on Provenance { kind reason source review { proposalId extractor reviewedBy reviewedAt } }',
  EntityFields: `fragment EntityFields on Entity {
  id kind name aliases description
  provenance { ...ProvenanceFields }
  ... on Statistic {
    measure value unit qualifier
    period { start end label }
    sources { ...EvidenceFields }
    officialComparison { verdict officialValue }
  }
}`,
  RelationFields: `fragment RelationFields on Relation {
  id type from { id } to { id }
  evidence { ...EvidenceFields }
  provenance { ...ProvenanceFields }
}`,
  QuotationFields: `fragment QuotationFields on Quotation {
  id text direct
  speaker { id name }
  article { ...Source }
  anchor { start end exact prefix suffix }
  provenance { ...ProvenanceFields }
}`,
};

/** An operation followed by the fragments it spreads, and those they spread in turn. */
export function withFragments(operation: string): string {
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\.\.\.\s*([A-Za-z]\w*)/g)) {
      const fragment = FRAGMENTS[name!];
      if (!fragment || needed.has(name!)) continue;
      needed.add(name!);
      visit(fragment);
    }
  };
  visit(operation);
  return [operation.trim(), ...[...needed].map((name) => FRAGMENTS[name])].join('\n');
}

/** Names, sentences and quotations in one round trip. */
export const SEARCH = withFragments(`
query ExplorerSearch($query: String!, $mode: SearchMode!) {
  search(query: $query, mode: $mode, first: 8) { score entity { id kind name aliases } }
  sentences(query: $query, mode: $mode, first: 6) {
    text highlights { start end } anchor { start end exact prefix suffix }
    article { ...Source }
  }
  quotationSearch(query: $query, mode: $mode, first: 6) {
    highlights { start end }
    quotation { ...QuotationFields }
  }
}`);

/** An entity and everything one hop around it, ready to draw. */
export const NEIGHBOURHOOD = withFragments(`
query ExplorerNeighbourhood($id: ID!, $limit: Int!) {
  neighborhood(id: $id, depth: 1, limit: $limit) {
    nodes { ...EntityFields }
    relations { ...RelationFields }
  }
}`);

/** What the evidence panel shows of a picked entity beyond what the graph holds. */
export const ENTITY_DETAILS = withFragments(`
query ExplorerEntityDetails($id: ID!) {
  entity(id: $id) {
    ...EntityFields
    quotations(first: 20) { totalCount edges { node { ...QuotationFields } } }
    ... on Statistic {
      officialComparison { verdict officialValue difference explanation dataset { id title } release { label } }
      disagreements { id name value qualifier }
      places { id name }
    }
  }
}`);

export const ARTICLE_TEXT = `
query ExplorerArticleText($id: ID!) {
  entity(id: $id) { id ... on Article { title text } }
}`;

export const PATH = withFragments(`
query ExplorerPath($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 6) {
    length
    nodes { ...EntityFields }
    relations { ...RelationFields }
  }
}`);

/** The articles' numbers of a measure and place with their verdicts, and the official line beneath. */
export const REPORTED_AGAINST_OFFICIAL = withFragments(`
query ExplorerReportedAgainstOfficial($measure: String!, $placeId: ID) {
  reportedSeries(measure: $measure, placeId: $placeId) {
    measure
    place { id name }
    points {
      value qualifier
      period { start end label }
      statistic {
        id name
        sources { ...EvidenceFields }
        officialComparison { verdict officialValue explanation }
      }
    }
    officialSeries(granularity: MONTH) {
      measure
      dataset { id title }
      release { label }
      points { value period { start end label } }
    }
  }
}`);

/**
 * A page of entities with their first relations, for a whole-graph dump. Small pages keep each
 * request under the API's cost limit (10 x 20 relations with their evidence is about 7,000 of
 * 10,000); an entity with more relations is paged on with ENTITY_RELATIONS_PAGE.
 */
export const ENTITIES_PAGE = withFragments(`
query ExplorerEntitiesPage($after: String) {
  entities(first: 10, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { ...EntityFields relations(first: 20) { pageInfo { hasNextPage endCursor } edges { node { ...RelationFields } } } } }
  }
}`);

export const ENTITY_RELATIONS_PAGE = withFragments(`
query ExplorerEntityRelationsPage($id: ID!, $after: String) {
  entity(id: $id) {
    relations(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ...RelationFields } } }
  }
}`);

export const QUOTATIONS_PAGE = withFragments(`
query ExplorerQuotationsPage($after: String) {
  quotations(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { ...QuotationFields } }
  }
}`);

// ---- answers to the view model -------------------------------------------------------------

export interface SourceData {
  id: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
  publisher: { name: string } | null;
}
export interface EvidenceData {
  quote: string;
  anchor: Anchor;
  article: SourceData;
}
export interface EntityData {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
  provenance: Provenance | null;
  measure?: string;
  value?: number;
  unit?: string;
  qualifier?: string;
  period?: { start: string; end: string; label: string } | null;
  sources?: EvidenceData[];
  officialComparison?: { verdict: string; officialValue: number | null };
}
export interface RelationData {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  evidence: EvidenceData[];
  provenance: Provenance | null;
}
export interface QuotationData {
  id: string;
  text: string;
  direct: boolean;
  speaker: { id: string; name?: string } | null;
  article: SourceData;
  anchor: Anchor;
  provenance?: Provenance | null;
}

export function toSource(article: SourceData): Source {
  return { id: article.id, title: article.title, url: article.url, publishedOn: article.publishedOn, publisher: article.publisher?.name ?? null };
}

export function toEvidence(evidence: EvidenceData): Evidence {
  return { quote: evidence.quote, anchor: evidence.anchor, article: toSource(evidence.article) };
}

export function toViewEntity(entity: EntityData): ViewEntity {
  const isStatistic = entity.kind === 'STATISTIC' && entity.measure !== undefined;
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    aliases: entity.aliases,
    description: entity.description,
    provenance: entity.provenance,
    statistic: isStatistic
      ? {
          measure: entity.measure!,
          value: entity.value!,
          unit: entity.unit ?? null,
          qualifier: entity.qualifier ?? 'EXACT',
          period: entity.period ?? null,
          verdict: entity.officialComparison?.verdict ?? null,
          officialValue: entity.officialComparison?.officialValue ?? null,
        }
      : null,
    sources: (entity.sources ?? []).map(toEvidence),
  };
}

export function toViewRelation(relation: RelationData): ViewRelation {
  return {
    id: relation.id,
    type: relation.type,
    from: relation.from.id,
    to: relation.to.id,
    evidence: relation.evidence.map(toEvidence),
    provenance: relation.provenance,
  };
}

export function toViewQuotation(quotation: QuotationData): ViewQuotation {
  return {
    id: quotation.id,
    text: quotation.text,
    direct: quotation.direct,
    speakerId: quotation.speaker?.id ?? null,
    evidence: { quote: quotation.text, anchor: quotation.anchor, article: toSource(quotation.article) },
    provenance: quotation.provenance ?? null,
  };
}
