import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestService, type TestService } from './support/test-service';

// The questions the graph exists to answer, asked through the public API of the real service.
describe("the seeded graph answers researchers' questions with their sources", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('says who reported the 40 crossings into British Columbia, and when', async () => {
    const { body } = await service.graphql(`{
      statistics(filter: { placeId: "place:british-columbia", measure: "crossings" }) {
        edges { node { value qualifier period { start end label } reportedBy { name } origin { name } destination { name } evidence source { title } } }
      }
    }`);
    const forty = body.data!.statistics.edges.map((edge: any) => edge.node).find((node: any) => node.value === 40);
    expect(forty).toMatchObject({
      qualifier: 'EXACT',
      period: { start: '2025-01-01', end: '2025-01-31', label: 'January' },
      reportedBy: { name: 'Royal Canadian Mounted Police' },
      origin: { name: 'Washington state' },
      destination: { name: 'British Columbia' },
    });
    expect(forty.evidence).toContain('recorded 40 illegal crossings from Washington into British Columbia');
  });

  it('shows how crossings from Canada changed between November and February', async () => {
    const { body } = await service.graphql(`{
      node(id: "statistic:crossings-from-canada-february-2025") {
        ... on Statistic {
          value period { label }
          relations(filter: { types: ["DECREASED_FROM"], direction: OUTGOING }) {
            edges { node { to { ... on Statistic { value period { start label } reportedBy { acronym name } } } evidence { quote } } }
          }
        }
      }
    }`);
    const february = body.data!.node;
    expect(february.value).toBe(4098);
    const earlier = february.relations.edges.map((edge: any) => edge.node.to);
    expect(earlier).toContainEqual({
      value: 12085,
      period: { start: '2024-11-01', label: 'November' },
      reportedBy: expect.objectContaining({ name: 'U.S. Customs and Border Protection' }),
    });
    const fromNovember = february.relations.edges.find((edge: any) => edge.node.to.value === 12085);
    expect(fromNovember.node.evidence[0].quote).toContain('dropping from 12,085 in November to 4,098 in February');
  });

  it('lists the statistics about the northern border over time, oldest period first', async () => {
    const { body } = await service.graphql(`{
      statistics(filter: { placeId: "place:us-canada-border", from: "2024-08-01", to: "2025-02-28" }, first: 100) {
        totalCount
        edges { node { value period { start } } }
      }
    }`);
    const starts = body.data!.statistics.edges.map((edge: any) => edge.node.period.start);
    expect(starts).toEqual([...starts].sort());
    expect(body.data!.statistics.edges.map((edge: any) => edge.node.value)).toEqual(
      expect.arrayContaining([18944, 12085, 4098, 40, 30]),
    );
  });

  it('says what Rep. Kelly co-chairs, with the sentence that states it', async () => {
    const { body } = await service.graphql(`{
      entity(name: "Mike Kelly") {
        ... on Person { title }
        relations(filter: { types: ["CO_CHAIRS"] }) { edges { node { to { name } evidence { quote article { title } } } } }
      }
    }`);
    expect(body.data!.entity.title).toContain('R-PA');
    const [coChairs] = body.data!.entity.relations.edges;
    expect(coChairs.node.to.name).toBe('Northern Border Security Caucus');
    expect(coChairs.node.evidence[0].quote).toContain('co-chair of the Northern Border Security Caucus');
  });

  it('resolves every name the sources use for the RCMP to one entity', async () => {
    for (const name of ['Royal Canadian Mounted Police', 'RCMP', 'Canadian mounted police', 'Mounties', 'canadian mounties']) {
      const { body } = await service.graphql('query ($name: String!) { entity(name: $name) { id } }', { name });
      expect(body.data!.entity).toEqual({ id: 'organization:royal-canadian-mounted-police' });
    }
  });

  it('records the articles with their publisher, an inferred date and the full text', async () => {
    const { body } = await service.graphql('{ articles { totalCount edges { node { title publishedOn publishedOnInferred publisher { name } text } } } }');
    expect(body.data!.articles.totalCount).toBe(2);
    for (const { node } of body.data!.articles.edges) {
      expect(node.publisher).toEqual({ name: 'The Post' });
      expect(node.publishedOnInferred).toBe(true);
      expect(node.publishedOn).toMatch(/^2025-\d\d-\d\d$/);
      expect(node.text.length).toBeGreaterThan(2000);
    }
  });

  it('says which facts the texts assert, which the curators inferred and which come from outside', async () => {
    const { body } = await service.graphql(`{
      kelly: entity(id: "person:mike-kelly") {
        relations(filter: { types: ["MEMBER_OF"] }) { edges { node { to { __typename id } provenance { kind reason source } } } }
      }
      post: entity(id: "organization:the-post") { aliasDetails { name provenance { kind source } } descriptionProvenance { kind } }
      administration: entity(id: "organization:trump-administration") { aliasDetails { name provenance { kind } } }
      january: entity(id: "statistic:illegal-crossings-washington-to-british-columbia-january-2025") {
        ... on Statistic { periodProvenance { kind reason } }
      }
      articles { edges { node { publishedOnProvenance { kind } } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.kelly.relations.edges).toEqual([
      {
        node: {
          to: { __typename: 'Party', id: 'party:republican-party' },
          provenance: { kind: 'INFERRED', reason: expect.stringContaining('(R-PA)'), source: null },
        },
      },
    ]);
    expect(body.data!.post.aliasDetails).toEqual([{ name: 'New York Post', provenance: { kind: 'EXTERNAL', source: expect.any(String) } }]);
    expect(body.data!.post.descriptionProvenance).toEqual({ kind: 'EXTERNAL' });
    expect(body.data!.administration.aliasDetails).toEqual([{ name: 'the new administration', provenance: { kind: 'ASSERTED' } }]);
    expect(body.data!.january.periodProvenance).toEqual({ kind: 'INFERRED', reason: expect.stringContaining('2025-03-02') });
    for (const { node } of body.data!.articles.edges) expect(['INFERRED', 'EXTERNAL']).toContain(node.publishedOnProvenance.kind);
  });

  it('tells who caught the Alberta migrants (Canadian border officials) from who reported it (The New York Times)', async () => {
    const { body } = await service.graphql(`{
      entity(id: "statistic:illegal-migrants-caught-in-alberta-2025") {
        ... on Statistic { collectedBy { __typename id } reportedBy { id } }
      }
    }`);
    expect(body.data!.entity).toEqual({
      collectedBy: { __typename: 'Group', id: 'group:canadian-border-officials' },
      reportedBy: { id: 'organization:the-new-york-times' },
    });
  });

  it('has the Government of Canada act, coyotes and helicopters as nodes, and no value for "a few thousand dollars"', async () => {
    const { body } = await service.graphql(`{
      government: entity(id: "organization:government-of-canada") {
        relations(filter: { types: ["IMPLEMENTED"], direction: OUTGOING }, first: 20) { totalCount }
      }
      coyotes: entity(name: "coyotes") { __typename id }
      helicopters: entity(name: "Black Hawk helicopters") { __typename id }
    }`);
    expect(body.data!.government.relations.totalCount).toBe(6);
    expect(body.data!.coyotes).toEqual({ __typename: 'Group', id: 'group:canadian-coyotes' });
    expect(body.data!.helicopters).toEqual({ __typename: 'Equipment', id: 'equipment:black-hawk-helicopters' });
    const { body: numbers } = await service.graphql('{ statistics(filter: { sourceId: "article:crossings-from-canada-drop-as-agents-shift-south" }, first: 100) { edges { node { valueText } } } }');
    expect(numbers.data!.statistics.edges.map((edge: { node: { valueText: string } }) => edge.node.valueText)).not.toContain('a few thousand');
  });
});
