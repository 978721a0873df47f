import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type TestService } from './support/test-service';

const EDITOR_KEY = 'editor-key-for-tests-0001';
const READER_KEY = 'reader-key-for-tests-0001';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const reader = { authorization: `Bearer ${READER_KEY}` };

const ARTICLE = 'article:crossings-from-canada-drop-as-agents-shift-south';
const KELLY_SENTENCE =
  'Representative Mike Kelly (R-PA), co-chair of the Northern Border Security Caucus, expressed concerns about the shift in manpower to the southwest border, which may have created opportunities for potential threats to enter through the northern border.';

const UPSERT = `mutation ($input: EntityInput!) { upsertEntity(input: $input) { id kind name aliases description } }`;
const LINK = `mutation ($input: RelationInput!) { linkEntities(input: $input) { id type from { id } to { id } evidence { article { id } quote } } }`;
const UNLINK = `mutation ($id: ID!) { unlinkEntities(id: $id) }`;
const RECORD = `mutation ($input: StatisticInput!) {
  recordStatistic(input: $input) {
    id name measure value unit qualifier period { start end label } evidence
    origin { id } destination { id } places { id } reportedBy { id } source { id }
  }
}`;

describe('writes', () => {
  let service: TestService;
  const data = new TestData();

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY},reader:${READER_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
    await data.cleanUp();
  });

  describe('credentials', () => {
    const input = () => ({ kind: 'PERSON', name: data.name('Unauthorised Person') });

    it('refuses a write without credentials as UNAUTHENTICATED, and writes nothing', async () => {
      const { body } = await service.graphql(UPSERT, { input: input() });
      expect(errorCode(body)).toBe('UNAUTHENTICATED');
      expect(await data.query('MATCH (n:Entity) WHERE n.name = $name RETURN n', { name: input().name })).toEqual([]);
    });

    it("refuses a reader's key as FORBIDDEN", async () => {
      const { body } = await service.graphql(UPSERT, { input: input() }, reader);
      expect(errorCode(body)).toBe('FORBIDDEN');
      expect(body.errors![0]!.message).not.toContain(READER_KEY);
    });

    it('refuses an unknown key as UNAUTHENTICATED, for reads too', async () => {
      const write = await service.graphql(UPSERT, { input: input() }, { authorization: 'Bearer not-a-key-at-all-000' });
      expect(errorCode(write.body)).toBe('UNAUTHENTICATED');
      const read = await service.graphql('{ entity(id: "place:canada") { id } }', {}, { authorization: 'Bearer nope' });
      expect(errorCode(read.body)).toBe('UNAUTHENTICATED');
    });

    it('keeps reads open by default', async () => {
      const { body } = await service.graphql('{ entity(id: "place:canada") { name } }');
      expect(body).toEqual({ data: { entity: { name: 'Canada' } } });
    });
  });

  describe('upsertEntity', () => {
    it("drops the seed's provenance of aliases and description an editor replaces", async () => {
      const id = `place:curated-place-${data.token}`;
      await data.query(
        `CREATE (:Entity:Place {id: $id, kind: 'PLACE', name: $name, aliases: ['Old Name'], nameKeys: [],
                 aliasProvenanceKinds: ['EXTERNAL'], aliasProvenanceNotes: ['common usage'],
                 description: 'Curated.', descriptionProvenanceKind: 'INFERRED', descriptionProvenanceNote: 'by the curators'})`,
        { id, name: data.name('Curated Place') },
      );
      const read = `{ entity(id: "${id}") { aliasDetails { name provenance { kind } } descriptionProvenance { kind } } }`;
      expect((await service.graphql(read)).body.data!.entity).toEqual({
        aliasDetails: [{ name: 'Old Name', provenance: { kind: 'EXTERNAL' } }],
        descriptionProvenance: { kind: 'INFERRED' },
      });
      const { body } = await service.graphql(
        UPSERT,
        { input: { id, kind: 'PLACE', name: data.name('Curated Place'), aliases: [data.name('New Name')], description: 'Rewritten by an editor.' } },
        editor,
      );
      expect(body.errors).toBeUndefined();
      expect((await service.graphql(read)).body.data!.entity).toEqual({
        aliasDetails: [{ name: data.name('New Name'), provenance: null }],
        descriptionProvenance: null,
      });
    });

    it('creates an entity with an id derived from kind and name, found by its alias', async () => {
      const name = data.name('Jane Tester');
      const { body } = await service.graphql(
        UPSERT,
        { input: { kind: 'PERSON', name, aliases: [data.name('J. Tester')], description: 'A test person' } },
        editor,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.upsertEntity).toEqual({
        id: `person:jane-tester-${data.token}`,
        kind: 'PERSON',
        name,
        aliases: [data.name('J. Tester')],
        description: 'A test person',
      });
      const found = await service.graphql('query ($name: String!) { entity(name: $name) { id } }', {
        name: data.name('j. tester').toUpperCase(),
      });
      expect(found.body.data!.entity).toEqual({ id: `person:jane-tester-${data.token}` });
    });

    it('is idempotent: the same input twice changes nothing the second time', async () => {
      const input = { kind: 'ORGANIZATION', name: data.name('Test Agency'), aliases: [data.name('TA')] };
      const first = await service.graphql(UPSERT, { input }, editor);
      const before = await data.snapshot();
      const second = await service.graphql(UPSERT, { input }, editor);
      expect(second.body).toEqual(first.body);
      expect(await data.snapshot()).toEqual(before);
    });

    it.each([
      [{ kind: 'STATISTIC', name: 'x' }, 'input.kind'],
      [{ kind: 'PERSON', name: 'x'.repeat(201) }, 'name'],
      [{ kind: 'PERSON', name: 'Bell\u0007Ringer' }, 'name'],
      [{ kind: 'PERSON', name: '   ' }, 'name'],
      [{ kind: 'PERSON', name: 'Someone', id: 'place:someone' }, 'input.id'],
      [{ kind: 'PERSON', name: 'Someone', id: 'not an id' }, 'id'],
      [{ kind: 'PERSON', name: 'Someone', aliases: ['Mounties'] }, 'input.name'],
    ])('rejects %p as BAD_USER_INPUT naming %s, and writes nothing', async (input, field) => {
      // These names cannot carry the token: watch the entity the input would have written.
      const referenced = { ids: [(input as { id?: string }).id], names: [input.name] };
      const before = await data.snapshot(referenced);
      const { body } = await service.graphql(UPSERT, { input }, editor);
      expect(errorCode(body)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(body.errors)).toContain(field);
      expect(await data.snapshot(referenced)).toEqual(before);
    });

    it('refuses to turn an existing entity into another kind', async () => {
      const { body } = await service.graphql(UPSERT, { input: { kind: 'PLACE', name: 'Mike Kelly', id: 'person:mike-kelly' } }, editor);
      expect(errorCode(body)).toBe('BAD_USER_INPUT');
    });
  });

  describe('linkEntities and unlinkEntities', () => {
    let personId: string;
    beforeAll(async () => {
      const { body } = await service.graphql(UPSERT, { input: { kind: 'PERSON', name: data.name('Caucus Member') } }, editor);
      personId = body.data!.upsertEntity.id;
    });

    const link = (overrides: Record<string, unknown> = {}) => ({
      type: 'CO_CHAIRS',
      fromId: personId,
      toId: 'organization:northern-border-security-caucus',
      evidence: [{ articleId: ARTICLE, quote: KELLY_SENTENCE }],
      ...overrides,
    });

    it('links two entities with evidence, and merges further evidence into the same relation', async () => {
      const first = await service.graphql(LINK, { input: link() }, editor);
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data!.linkEntities).toEqual({
        id: `${personId}-[CO_CHAIRS]->organization:northern-border-security-caucus`,
        type: 'CO_CHAIRS',
        from: { id: personId },
        to: { id: 'organization:northern-border-security-caucus' },
        evidence: [{ article: { id: ARTICLE }, quote: KELLY_SENTENCE }],
      });

      const before = await data.snapshot();
      const again = await service.graphql(LINK, { input: link() }, editor);
      expect(again.body).toEqual(first.body);
      expect(await data.snapshot()).toEqual(before);

      const partial = 'co-chair of the Northern Border Security Caucus';
      const more = await service.graphql(LINK, { input: link({ evidence: [{ articleId: ARTICLE, quote: partial }] }) }, editor);
      expect(more.body.data!.linkEntities.evidence.map((item: any) => item.quote)).toEqual([KELLY_SENTENCE, partial]);
    });

    it.each([
      [{ type: 'KNOWS]->(x) DETACH DELETE x//' }, 'BAD_USER_INPUT'],
      [{ type: 'knows' }, 'BAD_USER_INPUT'],
      [{ type: 'ADMIRES' }, 'BAD_USER_INPUT'],
      [{ type: 'REPORTED' }, 'BAD_USER_INPUT'],
      [{ fromId: 'person:nobody-at-all' }, 'NOT_FOUND'],
      [{ toId: 'place:canada' }, 'BAD_USER_INPUT'],
      [{ evidence: [] }, 'BAD_USER_INPUT'],
      [{ evidence: [{ articleId: ARTICLE, quote: 'Kelly co-chairs everything.' }] }, 'BAD_USER_INPUT'],
      [{ evidence: [{ articleId: 'place:canada', quote: KELLY_SENTENCE }] }, 'BAD_USER_INPUT'],
      [{ evidence: [{ articleId: 'article:missing', quote: KELLY_SENTENCE }] }, 'NOT_FOUND'],
    ])('rejects %p with %s and changes nothing', async (overrides, code) => {
      const input = link(overrides);
      const referenced = { ids: [input.fromId, input.toId] as string[] };
      const before = await data.snapshot(referenced);
      const { body } = await service.graphql(LINK, { input }, editor);
      expect(errorCode(body)).toBe(code);
      expect(body.errors![0]!.message).not.toMatch(/\n\s+at /);
      expect(await data.snapshot(referenced)).toEqual(before);
    });

    it('unlinks by id: true the first time, false the second', async () => {
      const { body } = await service.graphql(LINK, { input: link({ type: 'REPRESENTS', toId: 'place:pennsylvania' }) }, editor);
      expect(body.errors).toBeUndefined();
      const id = body.data!.linkEntities.id;
      expect((await service.graphql(UNLINK, { id }, editor)).body.data).toEqual({ unlinkEntities: true });
      expect((await service.graphql(UNLINK, { id }, editor)).body.data).toEqual({ unlinkEntities: false });
      expect((await service.graphql('query ($id: ID!) { node(id: $id) { id } }', { id })).body.data).toEqual({ node: null });
    });

    it('refuses to unlink a derived relation', async () => {
      const id = `${ARTICLE}-[STATES]->statistic:crossings-from-canada-february-2025`;
      const { body } = await service.graphql(UNLINK, { id }, editor);
      expect(errorCode(body)).toBe('BAD_USER_INPUT');
      expect((await service.graphql('query ($id: ID!) { node(id: $id) { id } }', { id })).body.data).toEqual({ node: { id } });
    });
  });

  describe('recordStatistic', () => {
    const sentence =
      'The number of individuals crossing from Canada into the US has seen a substantial decline, dropping from 12,085 in November to 4,098 in February, according to the most recent data from CBP.';
    // Measures come from the ontology's list: the test's token is in the period's label, and so in the name.
    const input = (overrides: Record<string, unknown> = {}) => ({
      measure: 'migrant crossings',
      value: 4098,
      unit: 'people',
      period: { start: '2025-02-01', end: '2025-02-28', label: data.name('February') },
      originId: 'place:canada',
      destinationId: 'place:united-states',
      reportedById: 'organization:us-customs-and-border-protection',
      sourceId: ARTICLE,
      evidence: sentence,
      ...overrides,
    });

    it('records a statistic with its period, places, reporter and source, idempotently', async () => {
      const first = await service.graphql(RECORD, { input: input() }, editor);
      expect(first.body.errors).toBeUndefined();
      const statistic = first.body.data!.recordStatistic;
      expect(statistic).toMatchObject({
        name: `Migrant crossings from Canada to United States, ${data.name('February')}`,
        value: 4098,
        qualifier: 'EXACT',
        period: { start: '2025-02-01', end: '2025-02-28', label: data.name('February') },
        origin: { id: 'place:canada' },
        destination: { id: 'place:united-states' },
        reportedBy: { id: 'organization:us-customs-and-border-protection' },
        source: { id: ARTICLE },
      });
      expect(statistic.places.map((place: any) => place.id).sort()).toEqual(['place:canada', 'place:united-states']);

      const before = await data.snapshot();
      expect((await service.graphql(RECORD, { input: input() }, editor)).body).toEqual(first.body);
      expect(await data.snapshot()).toEqual(before);

      const filtered = await service.graphql(
        'query ($measure: String!) { statistics(filter: { measure: $measure, placeId: "place:canada", from: "2025-02-10", to: "2025-03-01" }, first: 100) { edges { node { id } } } }',
        { measure: 'migrant crossings' },
      );
      expect(filtered.body.data!.statistics.edges).toContainEqual({ node: { id: statistic.id } });
    });

    it.each([
      [{ period: { start: '2025-03-01', end: '2025-02-01', label: 'backwards' } }, 'BAD_USER_INPUT'],
      [{ evidence: 'Crossings rose tenfold.' }, 'BAD_USER_INPUT'],
      [{ originId: 'organization:royal-canadian-mounted-police' }, 'BAD_USER_INPUT'],
      [{ reportedById: 'place:canada' }, 'BAD_USER_INPUT'],
      [{ placeIds: ['place:atlantis'] }, 'NOT_FOUND'],
      [{ sourceId: 'place:canada' }, 'BAD_USER_INPUT'],
      [{ value: 'many' }, 'BAD_USER_INPUT'],
      [{ measure: 'tunnels dug' }, 'BAD_USER_INPUT'],
      [{ unit: 'crossings' }, 'BAD_USER_INPUT'],
    ])('rejects %p with %s and changes nothing', async (overrides, code) => {
      const rejected = input({ period: { start: '2025-02-01', end: '2025-02-28', label: data.name('rejected') }, ...overrides });
      // Its period label carries the token; the entities it names are watched too (place:atlantis is not in the seed).
      const { originId, destinationId, reportedById, sourceId, placeIds } = rejected as Record<string, unknown>;
      const referenced = { ids: [originId, destinationId, reportedById, sourceId, ...((placeIds as unknown[]) ?? [])] as string[] };
      const before = await data.snapshot(referenced);
      const { body } = await service.graphql(RECORD, { input: rejected }, editor);
      expect(errorCode(body)).toBe(code);
      expect(await data.snapshot(referenced)).toEqual(before);
    });
  });
});

describe('reads behind a key (READS_REQUIRE_KEY=true)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `reader:${READER_KEY}`, READS_REQUIRE_KEY: 'true' });
  });
  afterAll(async () => {
    await service.stop();
  });

  it('refuses anonymous reads and serves a reader', async () => {
    expect(errorCode((await service.graphql('{ entity(id: "place:canada") { id } }')).body)).toBe('UNAUTHENTICATED');
    const { body } = await service.graphql('{ entity(id: "place:canada") { id } }', {}, reader);
    expect(body).toEqual({ data: { entity: { id: 'place:canada' } } });
  });
});
