import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readSeedGraph } from '../src/seed/seed-data';
import { errorCode, startTestService, type TestService } from './support/test-service';

// Every read field of schema/contract.graphql, asserted on the seeded corpus's values.
const graph = readSeedGraph();
const PLACE_IDS = graph.entities.filter((entity) => entity.kind === 'PLACE').map((entity) => entity.id).sort();
const RCMP = 'organization:royal-canadian-mounted-police';
const ARTICLE_2 = 'article:crossings-from-canada-drop-as-agents-shift-south';

describe('the read API', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });
  const read = async (query: string, variables?: Record<string, unknown>) => {
    const { body } = await service.graphql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data!;
  };

  describe('node and entity', () => {
    it('finds an entity by id through node, with its concrete type', async () => {
      const data = await read(`{ node(id: "${RCMP}") { __typename id ... on Organization { name acronym country { name country { id } } } } }`);
      expect(data.node).toEqual({
        __typename: 'Organization',
        id: RCMP,
        name: 'Royal Canadian Mounted Police',
        acronym: 'RCMP',
        country: { name: 'Canada', country: null },
      });
    });

    it('finds a relation by its id through node', async () => {
      const id = 'person:mike-kelly-[CO_CHAIRS]->organization:northern-border-security-caucus';
      const data = await read(`query ($id: ID!) { node(id: $id) { __typename ... on Relation { id type from { id } to { id } } } }`, { id });
      expect(data.node).toEqual({
        __typename: 'Relation',
        id,
        type: 'CO_CHAIRS',
        from: { id: 'person:mike-kelly' },
        to: { id: 'organization:northern-border-security-caucus' },
      });
    });

    it('answers null for ids that do not exist', async () => {
      const data = await read('{ a: node(id: "person:nobody") { id } b: node(id: "x-[KNOWS]->y") { id } c: entity(id: "place:nowhere") { id } d: entity(name: "Nobody") { id } }');
      expect(data).toEqual({ a: null, b: null, c: null, d: null });
    });

    it('finds an entity by name or alias, case-insensitively', async () => {
      const data = await read('{ a: entity(name: "RCMP") { id } b: entity(name: "northern BORDER") { id } c: entity(name: "the border with Mexico") { id } }');
      expect(data.a).toEqual({ id: RCMP });
      expect(data.b).toEqual({ id: 'place:us-canada-border' });
      expect(data.c).toBeNull();
    });

    it.each([['{ entity { id } }'], ['{ entity(id: "place:canada", name: "Canada") { id } }']])(
      'rejects %s: exactly one of id and name',
      async (query) => {
        const { body } = await service.graphql(query);
        expect(errorCode(body)).toBe('BAD_USER_INPUT');
      },
    );

    it('serves the fields of every kind', async () => {
      const data = await read(`{
        person: entity(id: "person:mike-kelly") { kind name aliases description ... on Person { title } }
        place: entity(id: "place:british-columbia") { kind ... on Place { country { id } } }
        border: entity(id: "place:us-canada-border") { ... on Place { country { id } } }
        policy: entity(id: "policy:25-percent-tariffs-on-canada") { __typename kind name }
        event: entity(id: "event:discovery-of-nine-migrants-in-alberta") { kind ... on Event { period { start end label } } }
        statistic: entity(id: "statistic:illegal-crossings-washington-to-british-columbia-january-2025") {
          kind ... on Statistic { measure value valueText unit qualifier period { start end label } evidence
            origin { id } destination { id } places { id } reportedBy { id } source { id } }
        }
        article: entity(id: "${ARTICLE_2}") { kind ... on Article { title url publishedOn publisher { id } text } }
      }`);
      expect(data.person).toMatchObject({ kind: 'PERSON', name: 'Mike Kelly', title: 'U.S. Representative (R-PA)' });
      expect(data.person.aliases).toContain('Representative Mike Kelly');
      expect(data.person.description).toEqual(expect.any(String));
      expect(data.place).toEqual({ kind: 'PLACE', country: { id: 'place:canada' } });
      expect(data.border).toEqual({ country: null });
      expect(data.policy).toEqual({ __typename: 'Policy', kind: 'POLICY', name: '25% tariffs on Canada' });
      expect(data.event).toEqual({ kind: 'EVENT', period: { start: '2025-02-01', end: '2025-02-28', label: 'February' } });
      expect(data.statistic).toMatchObject({
        kind: 'STATISTIC',
        value: 40,
        valueText: '40',
        qualifier: 'EXACT',
        period: { start: '2025-01-01', end: '2025-01-31', label: 'January' },
        origin: { id: 'place:washington-state' },
        destination: { id: 'place:british-columbia' },
        reportedBy: { id: RCMP },
        source: { id: 'article:migrants-heading-north-into-canada' },
      });
      expect(data.statistic.places.map((place: any) => place.id)).toEqual(
        expect.arrayContaining(['place:washington-state', 'place:british-columbia']),
      );
      expect(data.article).toMatchObject({ kind: 'ARTICLE', url: null, publishedOn: '2025-04-13', publisher: { id: 'organization:the-post' } });
      expect(data.article.text).toContain('Northern Border Security Caucus');
    });
  });

  describe('connections', () => {
    it('pages through entities of a kind in id order with opaque cursors', async () => {
      const query = 'query ($after: String) { entities(kind: PLACE, first: 4, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }';
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const data: any = await read(query, { after });
        const connection = data.entities;
        expect(connection.totalCount).toBe(PLACE_IDS.length);
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor ?? null);
        seen.push(...connection.edges.map((edge: any) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(PLACE_IDS);
    });

    it('lists the articles', async () => {
      const data = await read('{ articles { totalCount edges { node { id } } } }');
      expect(data.articles).toEqual({
        totalCount: 2,
        edges: [{ node: { id: ARTICLE_2 } }, { node: { id: 'article:migrants-heading-north-into-canada' } }],
      });
    });

    it.each([
      ['{ entities(first: 101) { totalCount } }', 'BAD_USER_INPUT', '100'],
      ['{ entities(first: -1) { totalCount } }', 'BAD_USER_INPUT', '0'],
      ['{ entities(after: "not-a-cursor") { totalCount } }', 'BAD_USER_INPUT', 'cursor'],
      [`{ entity(id: "${RCMP}") { relations(first: 1000) { totalCount } } }`, 'BAD_USER_INPUT', '100'],
      [`{ entity(id: "${RCMP}") { mentions(after: "djE6") { totalCount } } }`, 'BAD_USER_INPUT', 'cursor'],
    ])('rejects %s with %s naming the limit', async (query, code, named) => {
      const { body } = await service.graphql(query);
      expect(errorCode(body)).toBe(code);
      expect(body.errors![0]!.message).toContain(named);
    });

    it('answers first: 0 with the count and no edges', async () => {
      const data = await read('{ entities(kind: ARTICLE, first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }');
      expect(data.entities).toEqual({ totalCount: 2, edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    });

    it('filters relations by type, direction and the kind of the other end, and pages them', async () => {
      const data = await read(`{
        entity(id: "${RCMP}") {
          reported: relations(filter: { types: ["REPORTED"], direction: OUTGOING }) { totalCount edges { node { type from { id } to { id } } } }
          incoming: relations(filter: { direction: INCOMING }) { edges { node { to { id } } } }
          aboutArticles: relations(filter: { otherKinds: [ARTICLE] }) { edges { node { from { kind } to { kind } } } }
          page1: relations(first: 2) { totalCount edges { node { id } } pageInfo { endCursor hasNextPage } }
        }
      }`);
      const { reported, incoming, aboutArticles, page1 } = data.entity;
      expect(reported.totalCount).toBeGreaterThanOrEqual(2);
      for (const { node } of reported.edges) {
        expect(node.type).toBe('REPORTED');
        expect(node.from.id).toBe(RCMP);
        expect(node.to.id).toMatch(/^statistic:/);
      }
      expect(incoming.edges.every((edge: any) => edge.node.to.id === RCMP)).toBe(true);
      expect(aboutArticles.edges.length).toBeGreaterThan(0);
      for (const { node } of aboutArticles.edges) expect([node.from.kind, node.to.kind]).toContain('ARTICLE');

      const page2 = await read(`query ($after: String) { entity(id: "${RCMP}") { relations(first: 100, after: $after) { edges { node { id } } } } }`, {
        after: page1.pageInfo.endCursor,
      });
      const all = await read(`{ entity(id: "${RCMP}") { relations(first: 100) { edges { node { id } } } } }`);
      const ids = (connection: any) => connection.edges.map((edge: any) => edge.node.id);
      expect([...ids(page1), ...ids(page2.entity.relations)]).toEqual(ids(all.entity.relations));
      expect(ids(all.entity.relations)).toHaveLength(page1.totalCount);
    });

    it('backs every relation with evidence quoted from its article', async () => {
      const data = await read(`{ entity(id: "${RCMP}") { relations(first: 100) { edges { node { evidence { quote article { id text } } } } } } }`);
      for (const { node } of data.entity.relations.edges) {
        expect(node.evidence.length).toBeGreaterThan(0);
        for (const evidence of node.evidence) {
          const normalise = (text: string) => text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
          expect(normalise(evidence.article.text)).toContain(normalise(evidence.quote));
        }
      }
    });

    it('lists the sentences that mention an entity, with their article', async () => {
      const data = await read(`{ entity(name: "Mounties") { mentions(first: 50) { totalCount edges { node { sentence article { id } } } } } }`);
      const { mentions } = data.entity;
      expect(mentions.totalCount).toBe(mentions.edges.length);
      expect(mentions.edges.map((edge: any) => edge.node.sentence)).toEqual(
        expect.arrayContaining([
          'North of the border, Canadian Mounties are also dealing with limited resources to patrol the wide swath of space between the neighboring countries.',
        ]),
      );
      expect(mentions.edges[0].node.article.id).toMatch(/^article:/);
    });
  });

  describe('search', () => {
    it('ranks the entity whose alias is the query first ("Mounties" finds the RCMP)', async () => {
      const data = await read('{ search(query: "Mounties") { score entity { id } } }');
      expect(data.search[0].entity.id).toBe(RCMP);
      expect(data.search[0].score).toBeGreaterThan(0);
    });

    it('filters by kind', async () => {
      const data = await read('{ search(query: "border", kinds: [PLACE], first: 20) { entity { kind } } }');
      expect(data.search.length).toBeGreaterThan(0);
      expect(data.search.every((hit: any) => hit.entity.kind === 'PLACE')).toBe(true);
    });

    it.each(['"(Kelly AND [', 'Kelly~ OR *', '\\', '   ', 'a:b/c^2', 'NOT'])('treats %p as plain text, never an error', async (query) => {
      const { body } = await service.graphql('query ($q: String!) { search(query: $q) { entity { id } } }', { q: query });
      expect(body.errors).toBeUndefined();
      expect(Array.isArray(body.data!.search)).toBe(true);
    });

    it('finds Mike Kelly for a query with Lucene syntax in it', async () => {
      const data = await read('{ search(query: "\\"(Kelly AND [") { entity { id } } }');
      expect(data.search.map((hit: any) => hit.entity.id)).toContain('person:mike-kelly');
    });
  });

  describe('statistics', () => {
    const ids = (data: any) => data.statistics.edges.map((edge: any) => edge.node.id);

    it('filters by measure, place, reporter, source and period overlap', async () => {
      const byReporter = await read(`{ statistics(filter: { reportedById: "${RCMP}" }) { edges { node { id reportedBy { id } } } } }`);
      expect(ids(byReporter)).toEqual(
        expect.arrayContaining(['statistic:illegal-crossings-washington-to-british-columbia-january-2025']),
      );
      expect(byReporter.statistics.edges.every((edge: any) => edge.node.reportedBy.id === RCMP)).toBe(true);

      // Every seed statistic the article states; other test files may record more from it meanwhile.
      const bySource = await read(`{ statistics(filter: { sourceId: "${ARTICLE_2}" }, first: 100) { totalCount edges { node { id source { id } } } } }`);
      const seedFromSource = graph.statistics.filter((statistic) => statistic.sourceId === ARTICLE_2).map((statistic) => statistic.id);
      expect(ids(bySource)).toEqual(expect.arrayContaining(seedFromSource));
      expect(bySource.statistics.totalCount).toBeGreaterThanOrEqual(seedFromSource.length);

      const byMeasure = await read('{ statistics(filter: { measure: "APPREHENSIONS" }) { edges { node { measure } } } }');
      expect(byMeasure.statistics.edges.length).toBeGreaterThan(0);
      expect(byMeasure.statistics.edges.every((edge: any) => edge.node.measure.toLowerCase().includes('apprehensions'))).toBe(true);

      const byOrigin = await read('{ statistics(filter: { placeId: "place:washington-state" }) { edges { node { id } } } }');
      expect(ids(byOrigin)).toContain('statistic:illegal-crossings-washington-to-british-columbia-january-2025');

      // A given id is a filter even when empty: it names no entity, so nothing matches (not every statistic).
      const byNoPlace = await read('{ statistics(filter: { placeId: "" }) { totalCount edges { node { id } } } }');
      expect(byNoPlace.statistics).toEqual({ totalCount: 0, edges: [] });

      // Only periods that overlap 2024-12-15..2025-01-05: January 2025 does, February 2025 does not.
      const byPeriod = await read('{ statistics(filter: { from: "2024-12-15", to: "2025-01-05" }, first: 100) { edges { node { id period { start end } } } } }');
      expect(ids(byPeriod)).toContain('statistic:illegal-crossings-washington-to-british-columbia-january-2025');
      expect(ids(byPeriod)).not.toContain('statistic:crossings-from-canada-february-2025');
      for (const { node } of byPeriod.statistics.edges) {
        expect(node.period.start <= '2025-01-05' && node.period.end >= '2024-12-15').toBe(true);
      }
    });

    // A page of statistics reads with them only the linked entities its fields answer with
    // (src/statistic/statistic-projection.ts): each field alone must answer as it does beside the others.
    it('answers each linked entity in one query, alone as beside every other link', async () => {
      const LINKS = { origin: '{ id name }', destination: '{ id name }', places: '{ id name }', reportedBy: '{ id name }', collectedBy: '{ id name }', source: '{ id title }' };
      const page = (fields: string) => `{ statistics(first: 50) { edges { node { id ${fields} } } } }`;
      const every = await service.graphql(page(Object.entries(LINKS).map(([field, selection]) => `${field} ${selection}`).join(' ')));
      expect(every.body.errors).toBeUndefined();
      const nodes = every.body.data!.statistics.edges.map((edge: any) => edge.node);
      for (const field of Object.keys(LINKS) as (keyof typeof LINKS)[]) {
        expect(nodes.some((node: any) => node[field] !== null && !(Array.isArray(node[field]) && node[field].length === 0))).toBe(true);
        const alone = await service.graphql(page(`${field} ${LINKS[field]}`));
        expect(alone.body.errors).toBeUndefined();
        expect(alone.body.data!.statistics.edges.map((edge: any) => edge.node)).toEqual(nodes.map((node: any) => ({ id: node.id, [field]: node[field] })));
        expect(Number(alone.headers.get('x-cypher-round-trips'))).toBe(1);
      }
      expect(Number(every.headers.get('x-cypher-round-trips'))).toBe(1);
    });
  });

  describe('path and neighborhood', () => {
    it('finds a shortest path from Mike Kelly to the RCMP, each relation joining consecutive nodes', async () => {
      const data = await read(`{ path(from: "person:mike-kelly", to: "${RCMP}") { length nodes { id } relations { from { id } to { id } evidence { quote } } } }`);
      const { length, nodes, relations } = data.path;
      expect(nodes).toHaveLength(length + 1);
      expect(relations).toHaveLength(length);
      expect(nodes[0].id).toBe('person:mike-kelly');
      expect(nodes[length].id).toBe(RCMP);
      relations.forEach((relation: any, index: number) => {
        expect([relation.from.id, relation.to.id].sort()).toEqual([nodes[index].id, nodes[index + 1].id].sort());
        expect(relation.evidence.length).toBeGreaterThan(0);
      });
    });

    it('answers a path of length 0 from an entity to itself, and null beyond maxHops', async () => {
      const data = await read(`{ same: path(from: "${RCMP}", to: "${RCMP}") { length nodes { id } } short: path(from: "person:mike-kelly", to: "${RCMP}", maxHops: 1) { length } }`);
      expect(data.same).toEqual({ length: 0, nodes: [{ id: RCMP }] });
      expect(data.short).toBeNull();
    });

    it.each([
      ['{ path(from: "person:mike-kelly", to: "place:canada", maxHops: 7) { length } }', 'BAD_USER_INPUT'],
      ['{ path(from: "person:mike-kelly", to: "place:canada", maxHops: 0) { length } }', 'BAD_USER_INPUT'],
      ['{ path(from: "person:nobody", to: "place:canada") { length } }', 'NOT_FOUND'],
      ['{ neighborhood(id: "place:canada", depth: 4) { nodes { id } } }', 'BAD_USER_INPUT'],
      ['{ neighborhood(id: "place:canada", limit: 501) { nodes { id } } }', 'BAD_USER_INPUT'],
      ['{ neighborhood(id: "place:atlantis") { nodes { id } } }', 'NOT_FOUND'],
    ])('rejects %s with %s', async (query, code) => {
      expect(errorCode((await service.graphql(query)).body)).toBe(code);
    });

    it('returns the neighbourhood nearest first, within the limit, with relations only among returned nodes', async () => {
      const data = await read(`{ neighborhood(id: "${RCMP}", depth: 2, limit: 12) { nodes { id } relations { from { id } to { id } } } }`);
      const { nodes, relations } = data.neighborhood;
      expect(nodes[0].id).toBe(RCMP);
      expect(nodes).toHaveLength(12);
      const returned = new Set(nodes.map((node: any) => node.id));
      expect(returned.size).toBe(12);
      for (const relation of relations) {
        expect(returned.has(relation.from.id) && returned.has(relation.to.id)).toBe(true);
      }
      const direct = await read(`{ neighborhood(id: "${RCMP}", depth: 1, limit: 500) { nodes { id } } }`);
      const neighbours = direct.neighborhood.nodes.map((node: any) => node.id);
      // Nearest first: with room for all of them, the direct neighbours come before anything two hops away.
      const wide = await read(`{ neighborhood(id: "${RCMP}", depth: 2, limit: 500) { nodes { id } } }`);
      expect(wide.neighborhood.nodes.slice(0, neighbours.length).map((node: any) => node.id).sort()).toEqual([...neighbours].sort());
    });
  });

  describe('round trips', () => {
    const query = (first: number) => `{
      entities(first: ${first}) { edges { node { id name
        relations(first: 5) { edges { node { type from { name } to { name } } } }
      } } }
    }`;

    it('costs a fixed number of Cypher queries for 50 entities with their relations and other ends', async () => {
      const few = await service.graphql(query(5));
      const many = await service.graphql(query(50));
      expect(many.body.errors).toBeUndefined();
      expect(many.body.data!.entities.edges).toHaveLength(50);
      const roundTrips = Number(many.headers.get('x-cypher-round-trips'));
      expect(roundTrips).toBeLessThanOrEqual(3);
      expect(roundTrips).toBe(Number(few.headers.get('x-cypher-round-trips')));
    });

    // The benchmark's operations (bench/workload.ts), each answered by one Cypher query.
    it.each([
      ['an entity with its relations and their ends', `{ entity(id: "${RCMP}") { id name relations(first: 20) { totalCount edges { node { id from { name } to { name } } } } } }`],
      ['a missing entity with its relations', '{ entity(id: "place:atlantis") { id relations { totalCount } } }'],
      ['an entity whose relations ask for the next page', `{ entity(id: "${RCMP}") { relations(first: 1, filter: { direction: OUTGOING }) { edges { cursor } } } }`],
      ['a shortest path with its ends', `{ path(from: "person:mike-kelly", to: "${RCMP}") { length nodes { name } relations { type from { id } } } }`],
      ['a path from a missing entity', '{ path(from: "person:nobody", to: "place:canada") { length } }'],
      ['a neighbourhood', `{ neighborhood(id: "${RCMP}", depth: 2, limit: 50) { nodes { name } relations { type from { name } to { name } } } }`],
      ['a search', '{ search(query: "border", first: 10) { score entity { id name } } }'],
    ])('answers %s in one Cypher query', async (_, query) => {
      const response = await service.graphql(query);
      expect(Number(response.headers.get('x-cypher-round-trips'))).toBe(1);
    });

    it('gives the same relations page whether the entity was looked ahead or not', async () => {
      const relations = 'relations(first: 3, filter: { direction: INCOMING }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id from { name } } } }';
      const direct = await read(`{ entity(id: "${RCMP}") { ${relations} } }`);
      const viaNode = await read(`{ node(id: "${RCMP}") { ... on Organization { ${relations} } } }`);
      expect(direct.entity).toEqual(viaNode.node);
      expect(direct.entity.relations.edges).toHaveLength(3);
    });
  });
});
