import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DERIVED_RELATION_TYPES, MEASURES } from '../src/ontology';
import { startTestService, type TestService } from './support/test-service';
import { normaliseText } from '../src/article';
import { ANCHOR, type Anchor } from './support/anchors';

// Issue 11's audit of the seed, checked through the HTTP API of the real service: every defect
// the audit lists, and every kind, relation, alias, measure and provenance it asks for. Only
// reads: the seed is shared by every test file and no test may change it. Where other files'
// data could show up (they write at the same time), the checks keep to the seed's nodes, which
// are read as data from cypher/seed/graph.json (as test/support/test-data.ts does).

const ARTICLE_000 = 'article:migrants-heading-north-into-canada';
const ARTICLE_004 = 'article:crossings-from-canada-drop-as-agents-shift-south';
const BORDER = 'place:us-canada-border';

interface SeedNode {
  id: string;
  kind?: string;
}
interface SeedRelation {
  fromId: string;
  type: string;
  toId: string;
  provenance: { kind: string };
}
const seed = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'cypher', 'seed', 'graph.json'), 'utf8')) as {
  articles: SeedNode[];
  entities: SeedNode[];
  statistics: SeedNode[];
  relations: SeedRelation[];
};
const SEED_IDS = new Set([...seed.articles, ...seed.entities, ...seed.statistics].map((node) => node.id));
const relationKey = (fromId: string, type: string, toId: string) => `${fromId} ${type} ${toId}`;
const SEED_RELATIONS = new Set(seed.relations.map((relation) => relationKey(relation.fromId, relation.type, relation.toId)));

/** The length of the context a TextQuoteSelector carries on each side (src/article/anchors.ts). */
const CONTEXT = 32;

describe("issue 11's audit of the seed, through the API", () => {
  let service: TestService;
  const texts = new Map<string, string>();
  const publishedOn = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService();
    const data = await read('{ articles(first: 100) { edges { node { id text publishedOn } } } }');
    for (const { node } of data.articles.edges) {
      texts.set(node.id, node.text);
      publishedOn.set(node.id, node.publishedOn);
    }
  });
  afterAll(async () => {
    await service.stop();
  });

  async function read(query: string, variables?: Record<string, unknown>): Promise<any> {
    const { body } = await service.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  /** Every item of a connection, page after page; `connection` picks it out of the answer (null: gone). */
  async function pages<T>(query: string, variables: Record<string, unknown>, connection: (data: any) => any): Promise<T[]> {
    const items: T[] = [];
    let after: string | null = null;
    for (;;) {
      const page = connection(await read(query, { ...variables, after }));
      if (page == null) return items;
      items.push(...page.edges.map((edge: any) => edge.node));
      if (!page.pageInfo.hasNextPage) return items;
      after = page.pageInfo.endCursor;
    }
  }

  /** What the service serves about an anchor, as a list of problems (empty when it is right). */
  function anchorProblems(what: string, articleId: string, anchor: Anchor): string[] {
    const text = texts.get(articleId);
    if (text === undefined) return [`${what}: no article ${articleId}`];
    const problems: string[] = [];
    if (text.slice(anchor.start, anchor.end) !== anchor.exact) problems.push(`${what}: text.slice(${anchor.start}, ${anchor.end}) is not "${anchor.exact}"`);
    if (anchor.prefix !== text.slice(Math.max(0, anchor.start - CONTEXT), anchor.start)) problems.push(`${what}: prefix "${anchor.prefix}" does not end at ${anchor.start}`);
    if (anchor.suffix !== text.slice(anchor.end, anchor.end + CONTEXT)) problems.push(`${what}: suffix "${anchor.suffix}" does not start at ${anchor.end}`);
    if (anchor.exact.length === 0) problems.push(`${what}: empty anchor`);
    return problems;
  }

  describe('anchors: every evidence, mention, source and quotation slices the stored text to exactly its words', () => {
    const entities: any[] = [];
    const relations = new Map<string, any>();
    const mentions: any[] = [];

    beforeAll(async () => {
      // Every entity, paged through; the seed's are crawled (other files' come and go meanwhile).
      const all = await pages<any>(
        'query ($after: String) { entities(first: 25, after: $after) { edges { node { id kind name aliases } } pageInfo { hasNextPage endCursor } } }',
        {},
        (data) => data.entities,
      );
      entities.push(...all.filter((entity) => SEED_IDS.has(entity.id)));
      for (const entity of entities) {
        // Small pages, so that the entities with many relations or mentions are paged through.
        const outgoing = await pages<any>(
          `query ($id: ID!, $after: String) { entity(id: $id) { relations(first: 10, after: $after, filter: { direction: OUTGOING }) {
             edges { node { id type from { id } to { id } provenance { kind reason source } evidence { quote article { id } ${ANCHOR} } } }
             pageInfo { hasNextPage endCursor } } } }`,
          { id: entity.id },
          (data) => data.entity?.relations,
        );
        for (const relation of outgoing) {
          expect(relations.has(relation.id)).toBe(false);
          relations.set(relation.id, relation);
        }
        const its = await pages<any>(
          `query ($id: ID!, $after: String) { entity(id: $id) { mentions(first: 10, after: $after) {
             edges { node { entity { id } article { id } sentence ${ANCHOR} } } pageInfo { hasNextPage endCursor } } } }`,
          { id: entity.id },
          (data) => data.entity?.mentions,
        );
        mentions.push(...its.map((mention) => ({ ...mention, of: entity })));
      }
    });

    it('pages through every entity of the seed', () => {
      expect(entities.map((entity) => entity.id).sort()).toEqual([...SEED_IDS].sort());
    });

    it('anchors every piece of evidence of every relation of every entity at its quote', () => {
      const problems: string[] = [];
      let count = 0;
      for (const relation of relations.values()) {
        for (const evidence of relation.evidence) {
          count += 1;
          problems.push(...anchorProblems(relation.id, evidence.article.id, evidence.anchor));
          if (normaliseText(evidence.anchor.exact) !== normaliseText(evidence.quote)) problems.push(`${relation.id}: anchored "${evidence.anchor.exact}", quoted "${evidence.quote}"`);
        }
      }
      expect(problems).toEqual([]);
      // The curated relations of the seed are all there (and their evidence with them).
      const served = new Set([...relations.values()].map((relation) => relationKey(relation.from.id, relation.type, relation.to.id)));
      expect([...SEED_RELATIONS].filter((key) => !served.has(key))).toEqual([]);
      expect(count).toBeGreaterThan(seed.relations.length);
    });

    it('anchors every mention at a name of its entity (for a statistic, its sentence), inside the sentence it serves', () => {
      const problems: string[] = [];
      for (const mention of mentions) {
        const what = `${mention.of.id} in "${mention.sentence.slice(0, 60)}"`;
        problems.push(...anchorProblems(what, mention.article.id, mention.anchor));
        if (mention.entity.id !== mention.of.id) problems.push(`${what}: names ${mention.entity.id}`);
        // The anchor lies inside an occurrence of the sentence in the text.
        const text = texts.get(mention.article.id) ?? '';
        let inside = false;
        for (let at = text.indexOf(mention.sentence); at >= 0 && !inside; at = text.indexOf(mention.sentence, at + 1)) {
          inside = at <= mention.anchor.start && mention.anchor.end <= at + mention.sentence.length;
        }
        if (!inside) problems.push(`${what}: anchor ${mention.anchor.start}..${mention.anchor.end} is outside its sentence`);
        if (mention.of.kind !== 'STATISTIC') {
          const names = [mention.of.name, ...mention.of.aliases].map((name: string) => normaliseText(name).toLowerCase());
          if (!names.includes(normaliseText(mention.anchor.exact).toLowerCase())) problems.push(`${what}: anchored at "${mention.anchor.exact}", not a name of it`);
        } else if (normaliseText(mention.anchor.exact) !== normaliseText(mention.sentence)) {
          problems.push(`${what}: anchored at "${mention.anchor.exact}", not its sentence`);
        }
      }
      expect(problems).toEqual([]);
      expect(mentions.length).toBeGreaterThan(entities.length);
    });

    it("anchors every source of every statistic at its quote, the first being the statistic's source", async () => {
      const statistics = await pages<any>(
        `query ($after: String) { statistics(first: 10, after: $after) { edges { node { id source { id } sources { quote article { id } ${ANCHOR} } } } pageInfo { hasNextPage endCursor } } }`,
        {},
        (data) => data.statistics,
      );
      const fromSeed = statistics.filter((statistic) => SEED_IDS.has(statistic.id));
      expect(fromSeed).toHaveLength(seed.statistics.length);
      const problems: string[] = [];
      for (const statistic of fromSeed) {
        if (statistic.sources[0]?.article.id !== statistic.source.id) problems.push(`${statistic.id}: first source is not its source`);
        for (const source of statistic.sources) {
          problems.push(...anchorProblems(statistic.id, source.article.id, source.anchor));
          if (normaliseText(source.anchor.exact) !== normaliseText(source.quote)) problems.push(`${statistic.id}: anchored "${source.anchor.exact}", quoted "${source.quote}"`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('anchors every quotation of both articles at its words', async () => {
      const quotations = await pages<any>(
        `query ($after: String) { quotations(first: 5, after: $after) { edges { node { id text article { id } ${ANCHOR} } } pageInfo { hasNextPage endCursor } } }`,
        {},
        (data) => data.quotations,
      );
      expect(new Set(quotations.map((quotation) => quotation.article.id))).toEqual(new Set([ARTICLE_000, ARTICLE_004]));
      const problems = quotations.flatMap((quotation) => [
        ...anchorProblems(quotation.id, quotation.article.id, quotation.anchor),
        ...(quotation.anchor.exact === quotation.text ? [] : [`${quotation.id}: anchored "${quotation.anchor.exact}", text "${quotation.text}"`]),
      ]);
      expect(problems).toEqual([]);
    });
  });

  describe('several sources per number, and no invented value', () => {
    const STATISTIC = `id value unit qualifier valueText source { id } sources { quote article { id } ${ANCHOR} }`;

    it('holds one statistic for the border length (5,500 miles) with two sources, one per article, each anchored', async () => {
      const data = await read(`{ statistics(filter: { measure: "border length" }, first: 100) { edges { node { ${STATISTIC} } } } }`);
      const lengths = data.statistics.edges.map((edge: any) => edge.node).filter((node: any) => SEED_IDS.has(node.id));
      expect(lengths).toHaveLength(1);
      const [length] = lengths;
      expect(length).toMatchObject({ value: 5500, unit: 'miles', source: { id: ARTICLE_004 } });
      expect(length.sources.map((source: any) => source.article.id)).toEqual([ARTICLE_004, ARTICLE_000]);
      for (const source of length.sources) {
        expect(anchorProblems(length.id, source.article.id, source.anchor)).toEqual([]);
        expect(source.anchor.exact).toMatch(/5,500.mile/);
      }
      // Each article STATES it.
      const states = await read(`{ entity(id: "${length.id}") { relations(filter: { types: ["STATES"], direction: INCOMING }) { edges { node { from { id } } } } } }`);
      expect(states.entity.relations.edges.map((edge: any) => edge.node.from.id).sort()).toEqual([ARTICLE_000, ARTICLE_004].sort());
    });

    it('lists the border length among the statistics of each article that states it (filter sourceId)', async () => {
      const ofArticle = async (sourceId: string) => {
        const data = await read(`{ statistics(filter: { sourceId: "${sourceId}", measure: "border length" }) { edges { node { id } } } }`);
        return data.statistics.edges.map((edge: any) => edge.node.id).filter((id: string) => SEED_IDS.has(id));
      };
      expect(await ofArticle(ARTICLE_000)).toEqual(['statistic:us-canada-border-length-5500-miles']);
      expect(await ofArticle(ARTICLE_004)).toEqual(['statistic:us-canada-border-length-5500-miles']);
    });

    it('gives no statistic for "a few thousand dollars": no valueText, quote or value of 3,000 dollars; the words stay in a description', async () => {
      const statistics = await pages<any>(
        'query ($after: String) { statistics(first: 25, after: $after) { edges { node { id value unit valueText sources { quote } } } pageInfo { hasNextPage endCursor } } }',
        {},
        (data) => data.statistics,
      );
      expect(statistics.length).toBeGreaterThanOrEqual(seed.statistics.length);
      expect(statistics.filter((statistic) => (statistic.valueText ?? '').toLowerCase().includes('few thousand'))).toEqual([]);
      expect(statistics.filter((statistic) => statistic.sources.some((source: any) => source.quote.includes('a few thousand dollars')))).toEqual([]);
      expect(statistics.filter((statistic) => statistic.unit === 'USD' && statistic.value === 3000)).toEqual([]);
      const advertising = await read('{ entity(name: "advertising illegal border crossings on TikTok") { id description } }');
      expect(advertising.entity.description).toContain('a few thousand dollars');
    });
  });

  describe('mentions take the longest name', () => {
    async function mentionsOf(id: string): Promise<{ sentence: string; anchor: Anchor }[]> {
      return pages(
        `query ($id: ID!, $after: String) { entity(id: $id) { mentions(first: 20, after: $after) { edges { node { sentence ${ANCHOR} } } pageInfo { hasNextPage endCursor } } } }`,
        { id },
        (data) => data.entity.mentions,
      );
    }

    it('does not take "Canadian border officials" for a mention of the border: they are a group, mentioned there', async () => {
      const officials = (sentence: string) => sentence.includes('Canadian border officials');
      expect((await mentionsOf(BORDER)).filter((mention) => officials(mention.sentence))).toEqual([]);
      const group = (await mentionsOf('group:canadian-border-officials')).filter((mention) => officials(mention.sentence));
      expect(group.map((mention) => mention.anchor.exact)).toEqual(['Canadian border officials']);
      // "the Canadian border" on its own is still the border.
      const pleading = (await mentionsOf(BORDER)).filter((mention) => mention.sentence.startsWith('US officials are pleading for help at the Canadian border'));
      expect(pleading.map((mention) => mention.anchor.exact)).toEqual(['Canadian border']);
    });
  });

  describe('the kinds the articles need', () => {
    it('holds groups (northbounders, Canadian coyotes, migrants), equipment (Black Hawk helicopters, drones) and a party (Republican Party)', async () => {
      const data = await read(`{
        groups: entities(kind: GROUP, first: 100) { edges { node { id } } }
        equipment: entities(kind: EQUIPMENT, first: 100) { edges { node { id } } }
        parties: entities(kind: PARTY, first: 100) { edges { node { id } } }
        northbounders: entity(name: "northbounders") { __typename id kind }
        coyotes: entity(name: "Canadian coyotes") { __typename id kind }
        migrants: entity(name: "migrants") { __typename id kind }
        helicopters: entity(name: "Black Hawk helicopters") { __typename id kind }
        drones: entity(name: "drones") { __typename id kind }
        republicans: entity(name: "Republican Party") { __typename id kind }
      }`);
      const ids = (connection: any) => connection.edges.map((edge: any) => edge.node.id);
      expect(ids(data.groups)).toEqual(expect.arrayContaining(['group:northbounders', 'group:canadian-coyotes', 'group:migrants']));
      expect(ids(data.equipment)).toEqual(expect.arrayContaining(['equipment:black-hawk-helicopters', 'equipment:drones']));
      expect(ids(data.parties)).toEqual(expect.arrayContaining(['party:republican-party']));
      expect(data.northbounders).toEqual({ __typename: 'Group', id: 'group:northbounders', kind: 'GROUP' });
      expect(data.coyotes).toEqual({ __typename: 'Group', id: 'group:canadian-coyotes', kind: 'GROUP' });
      expect(data.migrants).toEqual({ __typename: 'Group', id: 'group:migrants', kind: 'GROUP' });
      expect(data.helicopters).toEqual({ __typename: 'Equipment', id: 'equipment:black-hawk-helicopters', kind: 'EQUIPMENT' });
      expect(data.drones).toEqual({ __typename: 'Equipment', id: 'equipment:drones', kind: 'EQUIPMENT' });
      expect(data.republicans).toEqual({ __typename: 'Party', id: 'party:republican-party', kind: 'PARTY' });
    });

    it('no longer gives an event the alias "northbounders"', async () => {
      const events = await pages<any>(
        'query ($after: String) { entities(kind: EVENT, first: 25, after: $after) { edges { node { id aliases } } pageInfo { hasNextPage endCursor } } }',
        {},
        (data) => data.entities,
      );
      expect(events.length).toBeGreaterThan(0);
      expect(events.filter((event) => event.aliases.some((alias: string) => /northbounders/i.test(alias)))).toEqual([]);
    });

    it('has the Government of Canada act (IMPLEMENTED, and pressured by the Trump administration) while the place Canada acts in nothing', async () => {
      const ACTS = '["IMPLEMENTED", "THREATENED", "PRESSURED", "RESPONDED_TO", "CRITICIZED"]';
      const data = await read(`{
        government: entity(id: "organization:government-of-canada") {
          __typename
          implemented: relations(filter: { types: ["IMPLEMENTED"], direction: OUTGOING }, first: 100) { edges { node { to { id } evidence { quote } } } }
          pressuredBy: relations(filter: { types: ["PRESSURED"], direction: INCOMING }, first: 100) { edges { node { from { id } } } }
        }
        canada: entity(id: "place:canada") {
          __typename
          acts: relations(filter: { types: ${ACTS}, direction: OUTGOING }, first: 100) { totalCount edges { node { id } } }
          pressured: relations(filter: { types: ["PRESSURED"], direction: INCOMING }, first: 100) { totalCount }
        }
      }`);
      expect(data.government.__typename).toBe('Organization');
      const implemented = data.government.implemented.edges.map((edge: any) => edge.node.to.id);
      expect(implemented).toEqual(
        expect.arrayContaining(['policy:canadas-tightened-visa-requirements', 'policy:canadas-stepped-up-border-enforcement', 'policy:canadas-900-million-border-security-funding']),
      );
      expect(data.government.pressuredBy.edges.map((edge: any) => edge.node.from.id)).toEqual(['organization:trump-administration']);
      expect(data.canada.__typename).toBe('Place');
      expect(data.canada.acts).toEqual({ totalCount: 0, edges: [] });
      expect(data.canada.pressured.totalCount).toBe(0);
    });
  });

  describe('the relations the audit found missing', () => {
    it.each([
      ['MEMBER_OF', 'person:mike-kelly', 'party:republican-party', 'Representative Mike Kelly (R-PA)'],
      ['LEADS', 'person:donald-trump', 'organization:trump-administration', 'the Trump administration'],
      ['DURING', 'event:record-illegal-crossings-from-canada-under-the-biden-administration', 'organization:biden-administration', 'when record numbers of migrants crossed illegally'],
      ['RESPONDED_TO', 'policy:canadas-stepped-up-border-enforcement', 'organization:trump-administration', 'Canada has since stepped up enforcement'],
      ['FOLLOWED', 'policy:canadas-tightened-visa-requirements', 'event:migrants-exploitation-of-canadas-lenient-entry-policies', 'after migrants exploited its lenient entry policies'],
      ['FOLLOWED', 'event:decline-of-illegal-crossings-from-canada', 'event:2024-election-of-donald-trump', 'Following President Trump’s election in November'],
      ['FOLLOWED', 'event:decline-of-illegal-crossings-from-canada', 'policy:redeployment-of-border-patrol-agents-to-the-southern-border', 'As CBP redeployed border patrol agents'],
      ['INVOLVES', 'event:northbounders-earlier-crossing-from-mexico', 'group:northbounders', 'previously crossed into the U.S. from Mexico'],
      ['INVOLVES', 'event:canadian-coyotes-advertising-illegal-crossings-on-tiktok', 'group:canadian-coyotes', 'Canadian coyotes brazenly advertising illegal border crossings on TikTok'],
      ['INVOLVES', 'event:canadian-coyotes-advertising-illegal-crossings-on-tiktok', 'organization:tiktok', 'on TikTok'],
      ['BORDERS', 'place:alberta', 'place:united-states', 'In Alberta'],
    ])('%s from %s to %s, with the words "%s" and its provenance', async (type, fromId, toId, words) => {
      const data = await read(
        `query ($id: ID!, $type: String!) { entity(id: $id) { relations(filter: { types: [$type], direction: OUTGOING }, first: 100) {
           edges { node { to { id } provenance { kind reason source } evidence { quote article { id } } } } } } }`,
        { id: fromId, type },
      );
      const relation = data.entity.relations.edges.map((edge: any) => edge.node).find((node: any) => node.to.id === toId);
      expect(relation).toBeDefined();
      expect(relation.evidence.map((evidence: any) => normaliseText(evidence.quote)).join(' | ')).toContain(normaliseText(words));
      if (relation.provenance.kind === 'INFERRED') expect(relation.provenance.reason).toEqual(expect.stringMatching(/\S/));
      else expect(relation.provenance.kind).toBe('ASSERTED');
    });

    it('gives the record southbound crossings under the Biden administration relations of their own', async () => {
      const data = await read('{ entity(id: "event:record-illegal-crossings-from-canada-under-the-biden-administration") { relations(first: 100) { totalCount } } }');
      expect(data.entity.relations.totalCount).toBeGreaterThanOrEqual(2);
    });
  });

  describe('aliases and their provenance', () => {
    it.each([
      ['organization:the-post', 'New York Post'],
      ['organization:the-new-york-times', 'NYT'],
      ['organization:us-department-of-homeland-security', 'DHS'],
      ['organization:us-border-patrol', 'USBP'],
      ['person:mike-kelly', 'Rep. Kelly'],
    ])('%s: "%s", which the texts never spell, is EXTERNAL with a source, and still finds it', async (id, alias) => {
      for (const text of texts.values()) expect(normaliseText(text).toLowerCase()).not.toContain(alias.toLowerCase());
      const data = await read('query ($id: ID!, $alias: String!) { byId: entity(id: $id) { aliasDetails { name provenance { kind source } } } byName: entity(name: $alias) { id } }', { id, alias });
      expect(data.byId.aliasDetails).toContainEqual({ name: alias, provenance: { kind: 'EXTERNAL', source: expect.stringMatching(/\S/) } });
      expect(data.byName).toEqual({ id });
    });

    it('gives the Trump administration the words "the new administration", ASSERTED', async () => {
      expect(texts.get(ARTICLE_000)).toContain('under the new administration');
      const data = await read('{ entity(name: "the new administration") { id aliasDetails { name provenance { kind } } } }');
      expect(data.entity.id).toBe('organization:trump-administration');
      expect(data.entity.aliasDetails).toContainEqual({ name: 'the new administration', provenance: { kind: 'ASSERTED' } });
    });

    it('marks every alias of the seed: ASSERTED exactly when the texts spell it, EXTERNAL with a source, INFERRED with a reason', async () => {
      const entities = await pages<any>(
        'query ($after: String) { entities(first: 25, after: $after) { edges { node { id aliasDetails { name provenance { kind reason source } } } } pageInfo { hasNextPage endCursor } } }',
        {},
        (data) => data.entities,
      );
      const corpus = [...texts.values()].map((text) => normaliseText(text));
      const spelled = (alias: string) => {
        const escaped = normaliseText(alias).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
        return corpus.some((text) => pattern.test(text));
      };
      const wrong: string[] = [];
      for (const entity of entities.filter((candidate) => SEED_IDS.has(candidate.id))) {
        for (const { name, provenance } of entity.aliasDetails) {
          const kind = provenance?.kind;
          if ((kind === 'ASSERTED') !== spelled(name)) wrong.push(`${entity.id} "${name}": ${kind}, spelled: ${spelled(name)}`);
          if (kind === 'EXTERNAL' && !provenance.source) wrong.push(`${entity.id} "${name}": EXTERNAL without a source`);
          if (kind === 'INFERRED' && !provenance.reason) wrong.push(`${entity.id} "${name}": INFERRED without a reason`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('measures, reporters and collectors, periods', () => {
    it('counts every statistic in a measure of the controlled list (src/ontology/measures.ts), in its one unit', async () => {
      const statistics = await pages<any>(
        'query ($after: String) { statistics(first: 25, after: $after) { edges { node { id measure unit } } pageInfo { hasNextPage endCursor } } }',
        {},
        (data) => data.statistics,
      );
      expect(statistics.length).toBeGreaterThanOrEqual(seed.statistics.length);
      const listed = new Set(MEASURES.map(({ measure, unit }) => `${measure} / ${unit}`));
      expect(statistics.map((statistic) => `${statistic.measure} / ${statistic.unit}`).filter((pair) => !listed.has(pair))).toEqual([]);
      // One unit per measure: "illegal crossings" are never people, nor "migrant crossings" crossings.
      const units = new Map<string, Set<string>>();
      for (const { measure, unit } of statistics) units.set(measure, new Set([...(units.get(measure) ?? []), unit]));
      expect([...units].filter(([, seen]) => seen.size > 1)).toEqual([]);
    });

    it("tells the NYT's Alberta counts' reporter (The New York Times) from their collector (Canadian border officials)", async () => {
      const data = await read(`{
        statistics(filter: { reportedById: "organization:the-new-york-times" }, first: 100) {
          edges { node { id value reportedBy { id } collectedBy { __typename id } } }
        }
        officials: entity(id: "group:canadian-border-officials") {
          relations(filter: { types: ["COLLECTED"], direction: OUTGOING }, first: 100) { edges { node { to { id } } } }
        }
      }`);
      const alberta = data.statistics.edges.map((edge: any) => edge.node).filter((node: any) => SEED_IDS.has(node.id));
      expect(alberta.map((node: any) => node.value).sort((a: number, b: number) => a - b)).toEqual([7, 20]);
      for (const node of alberta) {
        expect(node.reportedBy).toEqual({ id: 'organization:the-new-york-times' });
        expect(node.collectedBy).toEqual({ __typename: 'Group', id: 'group:canadian-border-officials' });
      }
      expect(data.officials.relations.edges.map((edge: any) => edge.node.to.id).sort()).toEqual(alberta.map((node: any) => node.id).sort());
    });

    it('says of every period of the seed how it is known: resolved from the publication date is INFERRED, with a reason naming that date', async () => {
      const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
      /** Words that only the publication date resolves: a month without its year, "this year", "the previous year", "last fiscal year". */
      const relative = new RegExp(`\\b${MONTH}\\b(?!\\s+\\d{4})|this year|previous year|fiscal year`, 'i');
      const statistics = await pages<any>(
        `query ($after: String) { statistics(first: 25, after: $after) { edges { node { id source { id }
           period { label } periodProvenance { kind reason source } } } pageInfo { hasNextPage endCursor } } }`,
        {},
        (data) => data.statistics,
      );
      const events = await pages<any>(
        `query ($after: String) { entities(kind: EVENT, first: 25, after: $after) { edges { node { id
           ... on Event { period { label } periodProvenance { kind reason source } } } } pageInfo { hasNextPage endCursor } } }`,
        {},
        (data) => data.entities,
      );
      const wrong: string[] = [];
      const dated = [...statistics, ...events].filter((node) => SEED_IDS.has(node.id) && node.period !== null);
      expect(dated.length).toBeGreaterThan(10);
      for (const node of dated) {
        const provenance = node.periodProvenance;
        const label = node.period.label;
        if (provenance === null) {
          wrong.push(`${node.id} "${label}": no provenance`);
        } else if (relative.test(label)) {
          // A statistic's date is its source's; an event's, one of the articles'.
          const dates = node.source ? [publishedOn.get(node.source.id)!] : [...publishedOn.values()];
          if (provenance.kind !== 'INFERRED' || !dates.some((date) => (provenance.reason ?? '').includes(date))) {
            wrong.push(`${node.id} "${label}": ${provenance.kind}, reason ${JSON.stringify(provenance.reason)} does not name ${dates.join(' or ')}`);
          }
        } else if (provenance.kind === 'INFERRED' && !provenance.reason) {
          wrong.push(`${node.id} "${label}": INFERRED without a reason`);
        }
      }
      expect(wrong).toEqual([]);
      const january = statistics.find((node) => node.id === 'statistic:illegal-crossings-washington-to-british-columbia-january-2025');
      expect(january.periodProvenance).toEqual({ kind: 'INFERRED', reason: expect.stringContaining(publishedOn.get(ARTICLE_000)!), source: null });
    });
  });

  describe('the counts of docs/ontology.md', () => {
    it('match what the API serves: entities by kind, and curated relations by provenance', async () => {
      const doc = readFileSync(path.resolve(__dirname, '..', 'docs', 'ontology.md'), 'utf8').replace(/\s+/g, ' ');
      const line = /Counts in the seed: (.*?); (\d+) curated relations \((\d+) ASSERTED, (\d+) INFERRED\)/.exec(doc);
      expect(line).not.toBeNull();
      const [, kinds, curated, asserted, inferred] = line!;
      const NOUNS: Record<string, string> = {
        person: 'PERSON', organization: 'ORGANIZATION', place: 'PLACE', polic: 'POLICY', event: 'EVENT', group: 'GROUP',
        part: 'PARTY', 'piece of equipment': 'EQUIPMENT', 'pieces of equipment': 'EQUIPMENT', statistic: 'STATISTIC', article: 'ARTICLE',
      };
      const documented: Record<string, number> = {};
      for (const [, count, noun] of kinds!.matchAll(/(\d+) ([a-z ]+?)(?:,|$)/g)) {
        const kind = Object.entries(NOUNS).find(([stem]) => noun!.startsWith(stem))?.[1];
        expect({ noun, kind }).toEqual({ noun, kind: expect.any(String) });
        documented[kind!] = Number(count);
      }

      const entities = await pages<any>(
        'query ($after: String) { entities(first: 100, after: $after) { edges { node { id kind } } pageInfo { hasNextPage endCursor } } }',
        {},
        (data) => data.entities,
      );
      const served: Record<string, number> = {};
      for (const { id, kind } of entities) if (SEED_IDS.has(id)) served[kind] = (served[kind] ?? 0) + 1;
      expect(served).toEqual(documented);

      const relations = new Map<string, any>();
      for (const { id } of entities.filter((entity) => SEED_IDS.has(entity.id))) {
        const outgoing = await pages<any>(
          `query ($id: ID!, $after: String) { entity(id: $id) { relations(first: 100, after: $after, filter: { direction: OUTGOING }) {
             edges { node { id type from { id } to { id } provenance { kind } } } pageInfo { hasNextPage endCursor } } } }`,
          { id },
          (data) => data.entity?.relations,
        );
        for (const relation of outgoing) {
          if (!DERIVED_RELATION_TYPES.has(relation.type) && SEED_RELATIONS.has(relationKey(relation.from.id, relation.type, relation.to.id))) relations.set(relation.id, relation);
        }
      }
      const byProvenance = (kind: string) => [...relations.values()].filter((relation) => relation.provenance?.kind === kind).length;
      expect({ curated: relations.size, asserted: byProvenance('ASSERTED'), inferred: byProvenance('INFERRED') }).toEqual({
        curated: Number(curated),
        asserted: Number(asserted),
        inferred: Number(inferred),
      });
    });
  });
});
