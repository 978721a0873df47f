import { describe, expect, it } from '@jest/globals';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
// jsonld loads under Jest's CommonJS as it is: its one ES-module dependency (ky, through
// @digitalbazaar/http-client) is imported lazily, only by the built-in loader that fetches, which
// expandOffline replaces. It ships no type declarations; JsonLdProcessor types the part used here.
// @ts-expect-error TS7016: no declaration file for 'jsonld' (and @types/jsonld is not installed).
import untypedJsonld from 'jsonld';
import {
  EVIDENCE_SEPARATOR,
  exportFileName,
  graphml,
  jsonLd,
  quotationsCsv,
  relationsCsv,
  statisticsCsv,
  type JsonLdDocument,
} from './exports.js';
import type { Evidence, Source, ViewEntity, ViewGraph, ViewRelation } from './view-model.js';

interface ExpandedNode {
  '@id'?: string;
  '@type'?: string[];
  [iri: string]: unknown;
}
interface JsonLdProcessor {
  expand(
    input: JsonLdDocument,
    options: { documentLoader: (url: string) => Promise<never>; safe: boolean },
  ): Promise<ExpandedNode[]>;
}
const jsonld: JsonLdProcessor = untypedJsonld;

const BASE = 'http://localhost:4000';
const SCHEMA = 'https://schema.org/';
const OA = 'http://www.w3.org/ns/oa#';
const PROV = 'http://www.w3.org/ns/prov#';
const KG = `${BASE}/ontology#`;

const ARTICLE_000: Source = {
  id: 'article:migrants-heading-north-into-canada',
  title: 'More Migrants Now Heading North Into Canada Than Crossing South Into the U.S.',
  publisher: 'The Post',
  publishedOn: '2025-03-02',
  url: null,
};
const ARTICLE_004: Source = {
  id: 'article:crossings-from-canada-drop-as-agents-shift-south',
  title: 'Crossings From Canada Drop as Agents Shift South, but Lawmakers Warn the Northern Border Is Exposed',
  publisher: 'The Post',
  publishedOn: '2025-04-13',
  url: null,
};
/** An ingested web page: its title and words may hold anything a CSV or XML file must survive. */
const INGESTED_PAGE: Source = {
  id: 'article:caucus-hearing-on-the-northern-border',
  title: 'Caucus <Hearing> & "Northern Border", Day 1',
  publisher: 'Example Gazette',
  publishedOn: null,
  url: 'https://news.example/caucus?day=1&lang=en',
};
/** A formula, commas, both quote marks, a line break and markup. */
const HOSTILE_QUOTE = `=Kelly, who co-chairs the "Northern Border Security Caucus", said:\r\nborders <&> 'security' come first.`;

function evidence(article: Source, quote: string, start: number, prefix: string, suffix: string): Evidence {
  return { article, quote, anchor: { start, end: start + quote.length, exact: quote, prefix, suffix } };
}

const KELLY_CO_CHAIR_SENTENCE = evidence(
  ARTICLE_004,
  'Representative Mike Kelly (R-PA), co-chair of the Northern Border Security Caucus, expressed concerns about the shift in manpower to the southwest border, which may have created opportunities for potential threats to enter through the northern border.',
  431,
  'towards the border with Mexico.\n',
  '\n“The numbers aren’t as big as t',
);
const BORDER_LENGTH_IN_004 = evidence(
  ARTICLE_004,
  'The northern border is the largest land border in the world, spanning more than 5,500 miles of wilderness and largely unguarded territory outside of official border-crossing points.',
  1442,
  'ber 2023 to 11,709 in February.\n',
  '\nBut it lacked the attention tha',
);
const BORDER_LENGTH_IN_000 = evidence(
  ARTICLE_000,
  'Even the most isolated sections of the 5,500-mile U.S.-Canada border are seeing increased migrant traffic.',
  1224,
  'sequences,” a source explained.\n',
  '\nIn Alberta, Canadian mounted po',
);

function entity(fields: Partial<ViewEntity> & Pick<ViewEntity, 'id' | 'kind' | 'name'>): ViewEntity {
  return { aliases: [], description: null, statistic: null, sources: [], provenance: null, ...fields };
}

const MIKE_KELLY = entity({
  id: 'person:mike-kelly',
  kind: 'PERSON',
  name: 'Mike Kelly',
  aliases: ['Rep. Kelly', 'Kelly'],
  description: 'Republican member of the U.S. House of Representatives for Pennsylvania and co-chair of the Northern Border Security Caucus.',
});
const CAUCUS = entity({
  id: 'organization:northern-border-security-caucus',
  kind: 'ORGANIZATION',
  name: 'Northern Border Security Caucus',
  // A vertical tab, as text pasted from a word processor brings: XML 1.0 cannot hold it.
  description: 'Caucus of members of the U.S. House of Representatives;\u000B co-chaired by Mike Kelly.',
});
const BORDER = entity({
  id: 'place:us-canada-border',
  kind: 'PLACE',
  name: 'U.S.-Canada border',
  aliases: ['northern border', 'Canada-US border'],
});
const BORDER_LENGTH = entity({
  id: 'statistic:us-canada-border-length',
  kind: 'STATISTIC',
  name: 'Length of the U.S.-Canada border',
  statistic: {
    measure: 'border length',
    value: 5500,
    unit: 'miles',
    qualifier: 'MORE_THAN',
    period: null,
    verdict: null,
    officialValue: null,
  },
  sources: [BORDER_LENGTH_IN_004, BORDER_LENGTH_IN_000],
  provenance: { kind: 'ASSERTED', reason: null, source: null, review: null },
});

const CO_CHAIRS: ViewRelation = {
  id: 'person:mike-kelly-[CO_CHAIRS]->organization:northern-border-security-caucus',
  type: 'CO_CHAIRS',
  from: MIKE_KELLY.id,
  to: CAUCUS.id,
  evidence: [KELLY_CO_CHAIR_SENTENCE, evidence(INGESTED_PAGE, HOSTILE_QUOTE, 88, 'At the hearing, <b>', '</b> The caucus')],
  provenance: { kind: 'ASSERTED', reason: null, source: null, review: null },
};
/** The relation id percent-encoded but for ':' (its '[', ']' and '>' may not stand in an IRI). */
const CO_CHAIRS_IRI = `${BASE}/id/person:mike-kelly-%5BCO_CHAIRS%5D-%3Eorganization:northern-border-security-caucus`;
const REVIEW = {
  proposalId: 'proposal:7f3a9c',
  extractor: 'rules@1.4.0',
  reviewedBy: 'SHA256:9c1e44b0d2',
  reviewedAt: '2025-05-02T10:15:00Z',
};
const ABOUT_BORDER: ViewRelation = {
  id: 'statistic:us-canada-border-length-[ABOUT_PLACE]->place:us-canada-border',
  type: 'ABOUT_PLACE',
  from: BORDER_LENGTH.id,
  to: BORDER.id,
  evidence: [BORDER_LENGTH_IN_000],
  provenance: { kind: 'EXTRACTED', reason: null, source: null, review: REVIEW },
};

const GRASS_QUOTE =
  'That border is so easy to access and to get through, all you have to do is go from one piece of grass to the next piece of grass';

const VIEW: ViewGraph = {
  entities: [MIKE_KELLY, CAUCUS, BORDER, BORDER_LENGTH],
  relations: [CO_CHAIRS, ABOUT_BORDER],
  quotations: [
    {
      id: 'quotation:kelly-from-one-piece-of-grass-to-the-next',
      text: GRASS_QUOTE,
      speakerId: MIKE_KELLY.id,
      direct: true,
      evidence: evidence(ARTICLE_004, GRASS_QUOTE, 2058, 'e just walk right into the US.\n“', ',” said Kelly. “You just step ov'),
      provenance: null,
    },
  ],
};

const STATISTIC_SOURCE_COUNT = VIEW.entities.reduce((count, { sources }) => count + sources.length, 0);
const RELATION_EVIDENCE_COUNT = VIEW.relations.reduce((count, { evidence }) => count + evidence.length, 0);
const EVIDENCE_COUNT = STATISTIC_SOURCE_COUNT + RELATION_EVIDENCE_COUNT + VIEW.quotations.length;

/** Strict RFC 4180: only CRLF ends a record, and every record has as many fields as the header. */
function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...records] = parseCsv(text, { record_delimiter: '\r\n' }) as string[][];
  if (header === undefined) throw new Error('no header row');
  for (const record of records) expect(record).toHaveLength(header.length);
  const rows = records.map((record) => Object.fromEntries(header.map((column, index) => [column, record[index] ?? ''])));
  return { header, rows };
}

describe('CSV exports', () => {
  it('writes one statistic row per source, its value as a number', () => {
    const text = statisticsCsv(VIEW);
    const { header, rows } = readCsv(text);

    expect(header).toEqual([
      'id', 'name', 'measure', 'value', 'unit', 'qualifier', 'period_start', 'period_end', 'period_label',
      'verdict', 'official_value', 'source_article_id', 'source_title', 'publisher', 'published_on',
      'source_url', 'quote', 'anchor_start', 'anchor_end', 'provenance',
    ]);
    expect(rows).toHaveLength(STATISTIC_SOURCE_COUNT);
    expect(rows.map((row) => row['source_article_id'])).toEqual([ARTICLE_004.id, ARTICLE_000.id]);
    expect(rows[1]).toMatchObject({
      id: BORDER_LENGTH.id,
      measure: 'border length',
      value: '5500',
      qualifier: 'MORE_THAN',
      period_start: '',
      quote: BORDER_LENGTH_IN_000.quote,
      anchor_start: '1224',
      anchor_end: '1330',
      provenance: 'ASSERTED',
    });
    expect(text).toContain(',5500,miles,');
  });

  it('writes one relation row per piece of evidence, reading back quotes, commas and line breaks intact', () => {
    const { rows } = readCsv(relationsCsv(VIEW));

    expect(rows).toHaveLength(RELATION_EVIDENCE_COUNT);
    const hostile = rows.find((row) => row['source_article_id'] === INGESTED_PAGE.id);
    expect(hostile).toMatchObject({
      id: CO_CHAIRS.id,
      type: 'CO_CHAIRS',
      from_name: 'Mike Kelly',
      to_name: 'Northern Border Security Caucus',
      provenance: 'ASSERTED',
      source_title: INGESTED_PAGE.title,
      published_on: '',
      source_url: INGESTED_PAGE.url,
      quote: `'${HOSTILE_QUOTE}`,
    });
    const extracted = rows.find((row) => row['id'] === ABOUT_BORDER.id);
    expect(extracted?.['provenance']).toBe('EXTRACTED');
    expect(extracted?.['provenance_reason']).toBe(
      'accepted by SHA256:9c1e44b0d2 at 2025-05-02T10:15:00Z (proposal proposal:7f3a9c, extractor rules@1.4.0)',
    );
  });

  it('writes one quotation row with its speaker and source', () => {
    const { header, rows } = readCsv(quotationsCsv(VIEW));

    expect(header).toEqual([
      'id', 'speaker_id', 'speaker_name', 'direct', 'text', 'source_article_id', 'source_title', 'publisher',
      'published_on', 'source_url', 'quote', 'anchor_start', 'anchor_end',
    ]);
    expect(rows).toEqual([
      {
        id: 'quotation:kelly-from-one-piece-of-grass-to-the-next',
        speaker_id: MIKE_KELLY.id,
        speaker_name: 'Mike Kelly',
        direct: 'true',
        text: GRASS_QUOTE,
        source_article_id: ARTICLE_004.id,
        source_title: ARTICLE_004.title,
        publisher: 'The Post',
        published_on: '2025-04-13',
        source_url: '',
        quote: GRASS_QUOTE,
        anchor_start: '2058',
        anchor_end: String(2058 + GRASS_QUOTE.length),
      },
    ]);
  });

  it('defuses every text cell a spreadsheet would run as a formula, but leaves negative numbers alone', () => {
    const formulas = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'];
    const view: ViewGraph = {
      entities: [],
      relations: [],
      quotations: formulas.map((text, index) => ({ ...VIEW.quotations[0]!, id: `quotation:${index}`, text })),
    };
    expect(readCsv(quotationsCsv(view)).rows.map((row) => row['text'])).toEqual(formulas.map((text) => `'${text}`));

    const drop = entity({
      ...BORDER_LENGTH,
      statistic: { ...BORDER_LENGTH.statistic!, measure: 'percentage drop in illegal crossings', value: -78, unit: 'percent' },
    });
    expect(statisticsCsv({ entities: [drop], relations: [], quotations: [] })).toContain(',-78,percent,');
  });

  it('keeps a fact that has no evidence, its source columns empty', () => {
    const bare = { ...ABOUT_BORDER, evidence: [] };
    const { rows } = readCsv(relationsCsv({ ...VIEW, relations: [bare] }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: bare.id, source_article_id: '', quote: '', anchor_start: '' });
  });
});

/** Expansion must never fetch: every context is inline. */
async function expandOffline(document: JsonLdDocument): Promise<ExpandedNode[]> {
  return jsonld.expand(document, {
    documentLoader: async (url) => {
      throw new Error(`the export asked for a remote document: ${url}`);
    },
    safe: true,
  });
}

const ofType = (nodes: ExpandedNode[], type: string) => nodes.filter((node) => node['@type']?.includes(type));
const firstId = (node: ExpandedNode, property: string) => (node[property] as { '@id': string }[])[0]?.['@id'];
const firstValue = (node: ExpandedNode, property: string) => (node[property] as { '@value': unknown }[])[0]?.['@value'];

describe('JSON-LD export', () => {
  it('expands offline, losing nothing, into one annotation per piece of evidence, one node per relation and per entity', async () => {
    const expanded = await expandOffline(jsonLd(VIEW, BASE));

    expect(ofType(expanded, `${OA}Annotation`)).toHaveLength(EVIDENCE_COUNT);
    expect(ofType(expanded, `${KG}Relation`)).toHaveLength(VIEW.relations.length);
    expect(ofType(expanded, `${SCHEMA}Person`)).toHaveLength(1);
    expect(ofType(expanded, `${SCHEMA}Organization`)).toHaveLength(1);
    expect(ofType(expanded, `${SCHEMA}Place`)).toHaveLength(1);
    expect(ofType(expanded, `${SCHEMA}Observation`)).toHaveLength(1);
    expect(ofType(expanded, `${SCHEMA}NewsArticle`)).toHaveLength(3);
    expect(ofType(expanded, `${SCHEMA}Quotation`)).toHaveLength(1);
  });

  it('names every fact by a stable IRI under /id/, from a base with or without a trailing slash', async () => {
    const expanded = await expandOffline(jsonLd(VIEW, `${BASE}/`));
    const ids = expanded.map((node) => node['@id']);

    expect(ids).toContain(`${BASE}/id/person:mike-kelly`);
    expect(ids).toContain(CO_CHAIRS_IRI);
    const relation = ofType(expanded, `${KG}Relation`).find((node) => node['@id'] === CO_CHAIRS_IRI)!;
    expect(firstId(relation, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#subject')).toBe(`${BASE}/id/person:mike-kelly`);
    expect(firstId(relation, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate')).toBe(`${KG}CO_CHAIRS`);
    expect((relation[`${PROV}wasDerivedFrom`] as { '@id': string }[]).map((source) => source['@id'])).toEqual([
      `${BASE}/id/${ARTICLE_004.id}`,
      `${BASE}/id/${INGESTED_PAGE.id}`,
    ]);
  });

  it('anchors evidence in the article with a quote selector and a position selector', async () => {
    const expanded = await expandOffline(jsonLd(VIEW, BASE));
    const hostile = ofType(expanded, `${OA}Annotation`).find((annotation) =>
      JSON.stringify(annotation).includes(INGESTED_PAGE.id),
    )!;

    expect(hostile['@id']).toBe(`${CO_CHAIRS_IRI}/evidence/${INGESTED_PAGE.id}/88-${88 + HOSTILE_QUOTE.length}`);
    expect(firstId(hostile, `${OA}hasBody`)).toBe(CO_CHAIRS_IRI);
    const [target] = hostile[`${OA}hasTarget`] as ExpandedNode[];
    const [source] = target![`${OA}hasSource`] as ExpandedNode[];
    expect(source!['@id']).toBe(`${BASE}/id/${INGESTED_PAGE.id}`);
    expect(firstValue(source!, `${SCHEMA}name`)).toBe(INGESTED_PAGE.title);
    expect(firstId(source!, `${SCHEMA}url`)).toBe(INGESTED_PAGE.url);
    const selectors = target![`${OA}hasSelector`] as ExpandedNode[];
    const quote = ofType(selectors, `${OA}TextQuoteSelector`)[0]!;
    const position = ofType(selectors, `${OA}TextPositionSelector`)[0]!;
    expect(firstValue(quote, `${OA}exact`)).toBe(HOSTILE_QUOTE);
    expect(firstValue(quote, `${OA}prefix`)).toBe('At the hearing, <b>');
    expect(firstValue(position, `${OA}start`)).toBe(88);
    expect(firstValue(position, `${OA}end`)).toBe(88 + HOSTILE_QUOTE.length);
  });

  it('attributes an accepted extraction to the reviewer key and the time of review', async () => {
    const expanded = await expandOffline(jsonLd(VIEW, BASE));
    const relation = ofType(expanded, `${KG}Relation`).find((node) => node['@id']?.includes('ABOUT_PLACE'))!;

    expect(firstValue(relation, `${KG}provenanceKind`)).toBe('EXTRACTED');
    expect(relation[`${PROV}generatedAtTime`]).toEqual([
      { '@value': REVIEW.reviewedAt, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
    ]);
    const [reviewer] = relation[`${PROV}wasAttributedTo`] as ExpandedNode[];
    expect(reviewer!['@type']).toEqual([`${PROV}Agent`]);
    expect(firstValue(reviewer!, `${KG}keyFingerprint`)).toBe(REVIEW.reviewedBy);
  });

  it('describes a statistic as an observation with its value, unit, measure and qualifier', async () => {
    const expanded = await expandOffline(jsonLd(VIEW, BASE));
    const [observation] = ofType(expanded, `${SCHEMA}Observation`);

    expect(firstValue(observation!, `${SCHEMA}value`)).toBe(5500);
    expect(firstValue(observation!, `${SCHEMA}unitText`)).toBe('miles');
    expect(firstValue(observation!, `${SCHEMA}variableMeasured`)).toBe('border length');
    expect(firstValue(observation!, `${KG}qualifier`)).toBe('MORE_THAN');
    expect(observation![`${PROV}wasDerivedFrom`]).toHaveLength(2);
  });

  it('writes an article that is on screen and a source as one node', async () => {
    const article = entity({ id: ARTICLE_000.id, kind: 'ARTICLE', name: 'Migrants heading north into Canada' });
    const expanded = await expandOffline(jsonLd({ ...VIEW, entities: [...VIEW.entities, article] }, BASE));
    const nodes = expanded.filter((node) => node['@id'] === `${BASE}/id/${ARTICLE_000.id}`);

    expect(nodes).toHaveLength(1);
    expect(firstValue(nodes[0]!, `${SCHEMA}headline`)).toBe(ARTICLE_000.title);
    expect(firstValue(nodes[0]!, `${SCHEMA}datePublished`)).toBe('2025-03-02');
  });
});

interface GraphmlElement {
  id: string;
  source?: string;
  target?: string;
  data?: { key: string; '#text': string }[];
}
interface ParsedGraphml {
  graphml: {
    key: { id: string; for: string; 'attr.name': string; 'attr.type': string }[];
    graph: { edgedefault: string; node?: GraphmlElement[]; edge?: GraphmlElement[] };
  };
}

function readGraphml(xml: string): ParsedGraphml['graphml'] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    // Character references (&#13; for a carriage return) are decoded only with this on.
    htmlEntities: true,
    // Attributes too pass through isArray, and <data> has one called "key".
    isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
  });
  return (parser.parse(xml) as ParsedGraphml).graphml;
}

const dataOf = (element: GraphmlElement, key: string) => element.data?.find((data) => data.key === key)?.['#text'];

describe('GraphML export', () => {
  it('writes a directed graph of every entity and relation, with typed attribute keys', () => {
    const { key, graph } = readGraphml(graphml(VIEW));

    expect(graph.edgedefault).toBe('directed');
    expect(graph.node).toHaveLength(VIEW.entities.length);
    expect(graph.edge).toHaveLength(VIEW.relations.length);
    expect(key.find((declaration) => declaration.id === 'value')).toMatchObject({ for: 'node', 'attr.type': 'double' });
    expect(key.find((declaration) => declaration.id === 'evidence_count')).toMatchObject({ for: 'edge', 'attr.type': 'int' });
    const statistic = graph.node!.find((node) => node.id === BORDER_LENGTH.id)!;
    expect(dataOf(statistic, 'value')).toBe('5500');
    expect(dataOf(statistic, 'measure')).toBe('border length');
  });

  it('reads back quotes, titles and ids with markup, quote marks and line breaks intact, joined per piece of evidence', () => {
    const { graph } = readGraphml(graphml(VIEW));
    const edge = graph.edge!.find((candidate) => candidate.id === CO_CHAIRS.id)!;

    expect(edge).toMatchObject({ source: MIKE_KELLY.id, target: CAUCUS.id });
    expect(dataOf(edge, 'quote')).toBe(`${KELLY_CO_CHAIR_SENTENCE.quote}${EVIDENCE_SEPARATOR}${HOSTILE_QUOTE}`);
    expect(dataOf(edge, 'source_title')).toBe(`${ARTICLE_004.title}${EVIDENCE_SEPARATOR}${INGESTED_PAGE.title}`);
    expect(dataOf(edge, 'published_on')).toBe(`2025-04-13${EVIDENCE_SEPARATOR}`);
    expect(dataOf(edge, 'evidence_count')).toBe('2');
  });

  it('strips characters XML 1.0 forbids', () => {
    const { graph } = readGraphml(graphml(VIEW));
    const caucus = graph.node!.find((node) => node.id === CAUCUS.id)!;
    expect(dataOf(caucus, 'description')).toBe('Caucus of members of the U.S. House of Representatives; co-chaired by Mike Kelly.');
  });

  it('draws no edge to an entity outside the view', () => {
    const dangling: ViewRelation = { ...CO_CHAIRS, id: 'person:mike-kelly-[MEMBER_OF]->party:republican-party', to: 'party:republican-party' };
    const { graph } = readGraphml(graphml({ ...VIEW, relations: [...VIEW.relations, dangling] }));
    expect(graph.edge!.map((edge) => edge.id)).toEqual(VIEW.relations.map((relation) => relation.id));
  });
});

describe('export file names', () => {
  it('names a file by the export and the local day', () => {
    const day = new Date(2026, 10, 23, 23, 30);
    expect(exportFileName('relations', day)).toBe('border-kg-relations-2026-11-23.csv');
    expect(exportFileName('json-ld', day)).toBe('border-kg-graph-2026-11-23.jsonld');
    expect(exportFileName('graphml', day)).toBe('border-kg-graph-2026-11-23.graphml');
  });
});
