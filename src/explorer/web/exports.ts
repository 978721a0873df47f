/*
 * The explorer's exports: a ViewGraph as files a researcher takes away (CSV tables for
 * spreadsheets, JSON-LD for linked-data tools, GraphML for Gephi and yEd). Pure functions; the
 * page turns their output into blob: downloads. Every exported fact keeps the article and the
 * exact words that back it. The formats, column by column and term by term: docs/exports.md.
 */
import type { Evidence, Provenance, Source, StatisticFacts, ViewEntity, ViewGraph, ViewQuotation, ViewRelation } from './view-model.js';

// CSV (RFC 4180) -------------------------------------------------------------------------------

type CsvCell = string | number | boolean | null;

/** OWASP's list: a spreadsheet runs a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text is defused with a leading apostrophe where a spreadsheet would run it, and quoted where RFC 4180 requires; numbers stay numbers. */
function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(String(value)) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvTable(header: readonly string[], rows: readonly CsvCell[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

const SOURCE_COLUMNS = [
  'source_article_id',
  'source_title',
  'publisher',
  'published_on',
  'source_url',
  'quote',
  'anchor_start',
  'anchor_end',
] as const;

function sourceCells(evidence: Evidence | null): CsvCell[] {
  if (evidence === null) return SOURCE_COLUMNS.map(() => null);
  const { article, quote, anchor } = evidence;
  return [article.id, article.title, article.publisher, article.publishedOn, article.url, quote, anchor.start, anchor.end];
}

/** A fact without evidence still gets its row, source columns empty, so that no fact silently drops out of a table. */
function rowPerEvidence(evidence: readonly Evidence[], row: (evidence: Evidence | null) => CsvCell[]): CsvCell[][] {
  return evidence.length > 0 ? evidence.map(row) : [row(null)];
}

function entityNames(view: ViewGraph): (id: string | null) => string | null {
  const names = new Map(view.entities.map((entity) => [entity.id, entity.name]));
  return (id) => (id === null ? null : (names.get(id) ?? null));
}

/** The why of a provenance in words: the curators' reason, the outside source, the review that accepted an extraction. */
function provenanceNote(provenance: Provenance | null): string | null {
  if (provenance === null) return null;
  const { reason, source, review } = provenance;
  const parts = [
    reason,
    source === null ? null : `source: ${source}`,
    review === null
      ? null
      : `accepted by ${review.reviewedBy} at ${review.reviewedAt} (proposal ${review.proposalId}, extractor ${review.extractor})`,
  ];
  const note = parts.filter((part) => part !== null).join('; ');
  return note === '' ? null : note;
}

function statisticsOf(view: ViewGraph): { entity: ViewEntity; facts: StatisticFacts }[] {
  return view.entities.flatMap((entity) => (entity.statistic === null ? [] : [{ entity, facts: entity.statistic }]));
}

const STATISTIC_COLUMNS = [
  'id',
  'name',
  'measure',
  'value',
  'unit',
  'qualifier',
  'period_start',
  'period_end',
  'period_label',
  'verdict',
  'official_value',
  ...SOURCE_COLUMNS,
  'provenance',
];

/** One row per statistic and source (the first row of a statistic is its source, the others state it too). */
export function statisticsCsv(view: ViewGraph): string {
  const rows = statisticsOf(view).flatMap(({ entity, facts }) =>
    rowPerEvidence(entity.sources, (evidence) => [
      entity.id,
      entity.name,
      facts.measure,
      facts.value,
      facts.unit,
      facts.qualifier,
      facts.period?.start ?? null,
      facts.period?.end ?? null,
      facts.period?.label ?? null,
      facts.verdict,
      facts.officialValue,
      ...sourceCells(evidence),
      entity.provenance?.kind ?? null,
    ]),
  );
  return csvTable(STATISTIC_COLUMNS, rows);
}

const RELATION_COLUMNS = [
  'id',
  'type',
  'from_id',
  'from_name',
  'to_id',
  'to_name',
  'provenance',
  'provenance_reason',
  ...SOURCE_COLUMNS,
];

/** One row per relation and piece of evidence. */
export function relationsCsv(view: ViewGraph): string {
  const nameOf = entityNames(view);
  const rows = view.relations.flatMap((relation) =>
    rowPerEvidence(relation.evidence, (evidence) => [
      relation.id,
      relation.type,
      relation.from,
      nameOf(relation.from),
      relation.to,
      nameOf(relation.to),
      relation.provenance?.kind ?? null,
      provenanceNote(relation.provenance),
      ...sourceCells(evidence),
    ]),
  );
  return csvTable(RELATION_COLUMNS, rows);
}

const QUOTATION_COLUMNS = ['id', 'speaker_id', 'speaker_name', 'direct', 'text', ...SOURCE_COLUMNS];

/** One row per quotation; speaker_name is empty when the speaker is not in the view. */
export function quotationsCsv(view: ViewGraph): string {
  const nameOf = entityNames(view);
  const rows = view.quotations.map((quotation) => [
    quotation.id,
    quotation.speakerId,
    nameOf(quotation.speakerId),
    quotation.direct,
    quotation.text,
    ...sourceCells(quotation.evidence),
  ]);
  return csvTable(QUOTATION_COLUMNS, rows);
}

// JSON-LD --------------------------------------------------------------------------------------

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
export interface JsonLdDocument {
  '@context': JsonObject;
  '@graph': JsonObject[];
}

type JsonProperties = { [key: string]: JsonValue | undefined };

/** Drops absent values and empty lists, so that a node lists only what is known. */
function presentOnly(properties: JsonProperties): JsonObject {
  const present: JsonObject = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    present[key] = value;
  }
  return present;
}

/** ':' may stand in an IRI path and keeps `person:mike-kelly` readable; the '[', ']' and '>' of relation ids may not. */
function iriSegment(id: string): string {
  return encodeURIComponent(id).replaceAll('%3A', ':');
}

/**
 * One IRI per fact, independent of the page that exported it, so that exports of different
 * views merge: `<base>/id/<id>` for entities, articles, relations and quotations, and
 * `<fact IRI>/evidence/<article id>/<start>-<end>` for the words backing a fact (content, not
 * position, so that the same evidence gets the same IRI in every export).
 */
function irisUnder(base: string) {
  const root = base.replace(/\/+$/, '');
  const of = (id: string) => `${root}/id/${iriSegment(id)}`;
  return {
    vocabulary: `${root}/ontology#`,
    of,
    evidence: (factId: string, { article, anchor }: Evidence) =>
      `${of(factId)}/evidence/${iriSegment(article.id)}/${anchor.start}-${anchor.end}`,
  };
}
type Iris = ReturnType<typeof irisUnder>;

/** Inline, never a remote context URL: the page makes no request off the machine, and the export reads offline. */
function jsonLdContext(vocabulary: string): JsonObject {
  return {
    schema: 'https://schema.org/',
    prov: 'http://www.w3.org/ns/prov#',
    oa: 'http://www.w3.org/ns/oa#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    kg: vocabulary,
    // Typed as the vocabularies define them, so that RDF tools read dates, times, links and offsets as such.
    'schema:startDate': { '@type': 'xsd:date' },
    'schema:endDate': { '@type': 'xsd:date' },
    'schema:datePublished': { '@type': 'xsd:date' },
    'schema:url': { '@type': '@id' },
    'prov:generatedAtTime': { '@type': 'xsd:dateTime' },
    'oa:start': { '@type': 'xsd:nonNegativeInteger' },
    'oa:end': { '@type': 'xsd:nonNegativeInteger' },
  };
}

/** A political party is an organization to schema.org; groups and equipment have no schema.org class. */
const SCHEMA_CLASSES = new Map([
  ['PERSON', 'schema:Person'],
  ['ORGANIZATION', 'schema:Organization'],
  ['PARTY', 'schema:Organization'],
  ['PLACE', 'schema:Place'],
  ['POLICY', 'schema:Legislation'],
  ['EVENT', 'schema:Event'],
  ['STATISTIC', 'schema:Observation'],
  ['ARTICLE', 'schema:NewsArticle'],
]);

/** Every kind is also a class of the project's vocabulary (kg:Person, kg:Group), so that each node keeps its kind exactly. */
function entityTypes(kind: string): string[] {
  const projectClass = `kg:${kind.charAt(0)}${kind.slice(1).toLowerCase()}`;
  const schemaClass = SCHEMA_CLASSES.get(kind);
  return schemaClass === undefined ? [projectClass] : [schemaClass, projectClass];
}

function provenanceProperties(provenance: Provenance | null): JsonProperties {
  if (provenance === null) return {};
  const { kind, reason, source, review } = provenance;
  return {
    'kg:provenanceKind': kind,
    'kg:provenanceReason': reason,
    'kg:provenanceSource': source,
    ...(review === null
      ? {}
      : {
          // The editor is known only by the fingerprint of the key that signed the review.
          'prov:wasAttributedTo': { '@type': 'prov:Agent', 'kg:keyFingerprint': review.reviewedBy },
          'prov:generatedAtTime': review.reviewedAt,
          'kg:proposal': review.proposalId,
          'kg:extractor': review.extractor,
        }),
  };
}

function derivedFrom(evidence: readonly Evidence[], iris: Iris): JsonObject[] {
  return [...new Set(evidence.map(({ article }) => iris.of(article.id)))].map((iri) => ({ '@id': iri }));
}

function articleProperties(source: Source): JsonProperties {
  return {
    'schema:headline': source.title,
    'schema:publisher': source.publisher === null ? null : { '@type': 'schema:Organization', 'schema:name': source.publisher },
    'schema:datePublished': source.publishedOn,
    'schema:url': source.url,
  };
}

function observationProperties(facts: StatisticFacts, sources: readonly Evidence[], iris: Iris): JsonProperties {
  return {
    'schema:variableMeasured': facts.measure,
    'schema:value': facts.value,
    'schema:unitText': facts.unit,
    'kg:qualifier': facts.qualifier,
    'schema:startDate': facts.period?.start,
    'schema:endDate': facts.period?.end,
    'kg:periodLabel': facts.period?.label,
    'kg:verdict': facts.verdict,
    'kg:officialValue': facts.officialValue,
    'prov:wasDerivedFrom': derivedFrom(sources, iris),
  };
}

function entityNode(entity: ViewEntity, articles: ReadonlyMap<string, Source>, iris: Iris): JsonObject {
  const article = entity.kind === 'ARTICLE' ? articles.get(entity.id) : undefined;
  return presentOnly({
    '@id': iris.of(entity.id),
    '@type': entityTypes(entity.kind),
    'schema:identifier': entity.id,
    'schema:name': entity.name,
    'schema:alternateName': entity.aliases,
    'schema:description': entity.description,
    ...(entity.statistic === null ? {} : observationProperties(entity.statistic, entity.sources, iris)),
    ...(article === undefined ? {} : articleProperties(article)),
    ...provenanceProperties(entity.provenance),
  });
}

/** An article known only as the source of some evidence (not itself on screen). */
function sourceArticleNode(source: Source, iris: Iris): JsonObject {
  return presentOnly({
    '@id': iris.of(source.id),
    '@type': entityTypes('ARTICLE'),
    'schema:identifier': source.id,
    'schema:name': source.title,
    ...articleProperties(source),
  });
}

/** A relation reified as a statement (rdf:subject, rdf:predicate, rdf:object), so that it can carry its own provenance. */
function relationNode(relation: ViewRelation, iris: Iris): JsonObject {
  return presentOnly({
    '@id': iris.of(relation.id),
    '@type': ['prov:Entity', 'kg:Relation'],
    'schema:identifier': relation.id,
    'rdf:subject': { '@id': iris.of(relation.from) },
    'rdf:predicate': { '@id': `kg:${relation.type}` },
    'rdf:object': { '@id': iris.of(relation.to) },
    'prov:wasDerivedFrom': derivedFrom(relation.evidence, iris),
    ...provenanceProperties(relation.provenance),
  });
}

function quotationNode(quotation: ViewQuotation, iris: Iris): JsonObject {
  return presentOnly({
    '@id': iris.of(quotation.id),
    '@type': ['schema:Quotation', 'prov:Entity'],
    'schema:identifier': quotation.id,
    'schema:text': quotation.text,
    'schema:creator': quotation.speakerId === null ? null : { '@id': iris.of(quotation.speakerId) },
    'kg:direct': quotation.direct,
    'prov:wasDerivedFrom': derivedFrom([quotation.evidence], iris),
    ...provenanceProperties(quotation.provenance),
  });
}

/**
 * The words backing a fact, as a Web Annotation whose body is the fact. The target's source is
 * the article's IRI, not its web address: the offsets count characters of the text the service
 * holds, which a publisher's page does not reproduce; the address goes along as schema:url.
 */
function evidenceAnnotation(factId: string, evidence: Evidence, iris: Iris): JsonObject {
  const { article, anchor } = evidence;
  return {
    '@id': iris.evidence(factId, evidence),
    '@type': 'oa:Annotation',
    'oa:hasBody': { '@id': iris.of(factId) },
    'oa:hasTarget': {
      '@type': 'oa:SpecificResource',
      'oa:hasSource': presentOnly({ '@id': iris.of(article.id), 'schema:name': article.title, 'schema:url': article.url }),
      'oa:hasSelector': [
        { '@type': 'oa:TextQuoteSelector', 'oa:exact': anchor.exact, 'oa:prefix': anchor.prefix, 'oa:suffix': anchor.suffix },
        { '@type': 'oa:TextPositionSelector', 'oa:start': anchor.start, 'oa:end': anchor.end },
      ],
    },
  };
}

function sourcesOf(view: ViewGraph): Map<string, Source> {
  const evidence = [
    ...view.entities.flatMap((entity) => entity.sources),
    ...view.relations.flatMap((relation) => relation.evidence),
    ...view.quotations.map((quotation) => quotation.evidence),
  ];
  return new Map(evidence.map(({ article }) => [article.id, article]));
}

/**
 * The view as JSON-LD (schema.org, PROV-O, Web Annotation and the project's vocabulary under
 * `<base>/ontology#`), for the page to JSON.stringify. `base` is the service's origin, e.g.
 * "http://localhost:4000"; the IRIs are described at irisUnder.
 */
export function jsonLd(view: ViewGraph, base: string): JsonLdDocument {
  const iris = irisUnder(base);
  const articles = sourcesOf(view);
  const entityIds = new Set(view.entities.map((entity) => entity.id));
  const evidenceOfFacts: { factId: string; evidence: readonly Evidence[] }[] = [
    ...view.entities.map(({ id, sources }) => ({ factId: id, evidence: sources })),
    ...view.relations.map(({ id, evidence }) => ({ factId: id, evidence })),
    ...view.quotations.map(({ id, evidence }) => ({ factId: id, evidence: [evidence] })),
  ];
  return {
    '@context': jsonLdContext(iris.vocabulary),
    '@graph': [
      ...view.entities.map((entity) => entityNode(entity, articles, iris)),
      ...[...articles.values()].filter(({ id }) => !entityIds.has(id)).map((source) => sourceArticleNode(source, iris)),
      ...view.relations.map((relation) => relationNode(relation, iris)),
      ...view.quotations.map((quotation) => quotationNode(quotation, iris)),
      ...evidenceOfFacts.flatMap(({ factId, evidence }) => evidence.map((piece) => evidenceAnnotation(factId, piece, iris))),
    ],
  };
}

// GraphML --------------------------------------------------------------------------------------

/** XML 1.0 allows tab, LF, CR and these ranges; anything else (other control characters, lone surrogates, U+FFFE, U+FFFF) makes the file unreadable. */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Tab, LF and CR as references: a parser turns a literal CR into LF, and all three into spaces in attributes. */
const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"'\t\n\r]/g, (character) => XML_ESCAPES[character] ?? character);
}

/** Gephi shows the node attribute called "label" as the node's label; yEd maps any attribute to labels. */
const NODE_KEYS = [
  { name: 'label', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'description', type: 'string' },
  { name: 'measure', type: 'string' },
  { name: 'value', type: 'double' },
  { name: 'unit', type: 'string' },
  { name: 'period_start', type: 'string' },
  { name: 'period_end', type: 'string' },
] as const;

/** With several pieces of evidence, the text attributes join them with EVIDENCE_SEPARATOR, in the same order in each. */
const EDGE_KEYS = [
  { name: 'type', type: 'string' },
  { name: 'provenance', type: 'string' },
  { name: 'quote', type: 'string' },
  { name: 'source_title', type: 'string' },
  { name: 'source_article_id', type: 'string' },
  { name: 'published_on', type: 'string' },
  { name: 'evidence_count', type: 'int' },
] as const;

export const EVIDENCE_SEPARATOR = ' | ';

type GraphmlKey = (typeof NODE_KEYS)[number] | (typeof EDGE_KEYS)[number];
type GraphmlValue = string | number | null;
/** A value, or null, for every key of the set: a key added to a set cannot be forgotten here. */
type GraphmlValues<Keys extends readonly GraphmlKey[]> = Record<Keys[number]['name'], GraphmlValue>;

function keyDeclaration(domain: 'node' | 'edge', { name, type }: GraphmlKey): string {
  return `  <key id="${name}" for="${domain}" attr.name="${name}" attr.type="${type}"/>`;
}

/** An unknown value gets no <data> at all: an empty one would read as a value in Gephi and yEd. */
function dataElements(keys: readonly GraphmlKey[], values: Partial<Record<GraphmlKey['name'], GraphmlValue>>): string {
  return keys
    .map(({ name }) => [name, values[name] ?? null] as const)
    .filter(([, value]) => value !== null && value !== '' && (typeof value !== 'number' || Number.isFinite(value)))
    .map(([name, value]) => `<data key="${name}">${escapeXml(String(value))}</data>`)
    .join('');
}

function nodeElement(entity: ViewEntity): string {
  const facts = entity.statistic;
  const values: GraphmlValues<typeof NODE_KEYS> = {
    label: entity.name,
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    measure: facts?.measure ?? null,
    value: facts?.value ?? null,
    unit: facts?.unit ?? null,
    period_start: facts?.period?.start ?? null,
    period_end: facts?.period?.end ?? null,
  };
  return `    <node id="${escapeXml(entity.id)}">${dataElements(NODE_KEYS, values)}</node>`;
}

function edgeElement(relation: ViewRelation): string {
  const joined = (part: (evidence: Evidence) => string | null) =>
    relation.evidence.map((evidence) => part(evidence) ?? '').join(EVIDENCE_SEPARATOR);
  const values: GraphmlValues<typeof EDGE_KEYS> = {
    type: relation.type,
    provenance: relation.provenance?.kind ?? null,
    quote: joined(({ quote }) => quote),
    source_title: joined(({ article }) => article.title),
    source_article_id: joined(({ article }) => article.id),
    published_on: joined(({ article }) => article.publishedOn),
    evidence_count: relation.evidence.length,
  };
  const ends = `source="${escapeXml(relation.from)}" target="${escapeXml(relation.to)}"`;
  return `    <edge id="${escapeXml(relation.id)}" ${ends}>${dataElements(EDGE_KEYS, values)}</edge>`;
}

/** The view as a directed GraphML graph: entities are nodes, relations between them edges. */
export function graphml(view: ViewGraph): string {
  const entityIds = new Set(view.entities.map((entity) => entity.id));
  // A relation to an entity outside the view would be an edge to a node the file does not declare.
  const relations = view.relations.filter((relation) => entityIds.has(relation.from) && entityIds.has(relation.to));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...NODE_KEYS.map((key) => keyDeclaration('node', key)),
    ...EDGE_KEYS.map((key) => keyDeclaration('edge', key)),
    '  <graph id="border-kg" edgedefault="directed">',
    ...view.entities.map(nodeElement),
    ...relations.map(edgeElement),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

// File names -----------------------------------------------------------------------------------

export type ExportKind = 'statistics' | 'relations' | 'quotations' | 'json-ld' | 'graphml';

/** What the page needs to save each export: a file name's stem and extension, and the Blob's media type. */
export const EXPORT_FORMATS: Readonly<Record<ExportKind, { stem: string; extension: string; mediaType: string }>> = {
  statistics: { stem: 'statistics', extension: 'csv', mediaType: 'text/csv;charset=utf-8' },
  relations: { stem: 'relations', extension: 'csv', mediaType: 'text/csv;charset=utf-8' },
  quotations: { stem: 'quotations', extension: 'csv', mediaType: 'text/csv;charset=utf-8' },
  'json-ld': { stem: 'graph', extension: 'jsonld', mediaType: 'application/ld+json' },
  graphml: { stem: 'graph', extension: 'graphml', mediaType: 'application/graphml+xml' },
};

/** e.g. "border-kg-relations-2026-11-23.csv", dated by the researcher's own calendar day. */
export function exportFileName(kind: ExportKind, date: Date): string {
  const { stem, extension } = EXPORT_FORMATS[kind];
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `border-kg-${stem}-${day}.${extension}`;
}
