import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Logger } from '../src/config/logger';
import { claimMissingNameKeys } from '../src/entity';
import { ENTITY_ID_PATTERN } from '../src/graphql/input-rules';
import { testDatabase } from './support/test-database';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type GraphQLResponse, type TestService } from './support/test-service';

const EDITOR_KEY = 'editor-key-for-entity-identity-01';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const UPSERT = 'mutation ($input: EntityInput!) { upsertEntity(input: $input) { id kind name aliases } }';
const BY_NAME = 'query ($name: String!) { entity(name: $name) { id name } }';
const BY_ID = 'query ($id: ID!) { entity(id: $id) { id name aliases } }';

/** Sixteen emoji, one per hex digit: a name of emoji alone that is still unique to its test. */
const EMOJI = ['🚀', '🛰️', '🌲', '🦫', '🍁', '🗽', '🌊', '🏔️', '🚁', '🛂', '🧭', '🗺️', '🚧', '📡', '🛶', '🦅'];
const emojiOf = (token: string) => [...token].map((digit) => EMOJI[parseInt(digit, 16)]).join('');

/** Issue 16: ids that never collide, and one entity per name, look-alikes included, whatever the concurrency. */
describe('entity identity', () => {
  let service: TestService;
  const data = new TestData();
  /** Entities whose names cannot carry the token (emoji alone): removed by id, with their keys and changes. */
  const untokenedIds: string[] = [];

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
    await data.query(
      'MATCH (n:Entity) WHERE n.id IN $ids OPTIONAL MATCH (key:NameKey {entityId: n.id}) OPTIONAL MATCH (change:Change {what: n.id}) DETACH DELETE n, key, change',
      { ids: untokenedIds },
    );
    await data.cleanUp();
  });

  const upsert = (input: Record<string, unknown>) => service.graphql(UPSERT, { input: { kind: 'PLACE', ...input } }, editor);
  const upserted = async (input: Record<string, unknown>) => {
    const { body } = await upsert(input);
    expect(body.errors).toBeUndefined();
    return body.data!.upsertEntity as { id: string; name: string; aliases: string[] };
  };
  const refusal = (body: GraphQLResponse['body']) => body.errors?.[0]?.extensions as Record<string, unknown> | undefined;

  describe('ids', () => {
    it('gives Москва and 北京 two readable, valid ids, and keeps both', async () => {
      const moscow = await upserted({ name: data.name('Москва') });
      const beijing = await upserted({ name: data.name('北京') });
      expect(moscow.id).toBe(`place:moskva-${data.token}`);
      expect(beijing.id).toBe(`place:bei-jing-${data.token}`);
      for (const { id, name } of [moscow, beijing]) {
        expect(id).toMatch(ENTITY_ID_PATTERN);
        expect((await service.graphql(BY_ID, { id })).body.data!.entity).toEqual({ id, name, aliases: [] });
        expect((await service.graphql(BY_NAME, { name })).body.data!.entity).toEqual({ id, name });
      }
    });

    it('gives right-to-left names readable ids of their own', async () => {
      const arabic = await upserted({ name: data.name('عربى') });
      const hebrew = await upserted({ name: data.name('ירושלים') });
      expect(arabic.id).toMatch(new RegExp(`^place:[a-z][a-z0-9-]*-${data.token}$`));
      expect(hebrew.id).toMatch(new RegExp(`^place:[a-z][a-z0-9-]*-${data.token}$`));
      expect(arabic.id).not.toBe(hebrew.id);
    });

    it('gives names of emoji alone a stable hash as id, one each', async () => {
      const first = emojiOf(data.token);
      const second = emojiOf([...data.token].reverse().join(''));
      const a = await upserted({ name: first });
      const b = await upserted({ name: second });
      untokenedIds.push(a.id, b.id);
      expect(a.id).toMatch(/^place:[0-9a-f]{10}$/);
      expect(b.id).toMatch(/^place:[0-9a-f]{10}$/);
      expect(a.id).not.toBe(b.id);
      // The same name again derives the same id: an update, not a third entity.
      expect((await upserted({ name: first })).id).toBe(a.id);
    });

    it('refuses "C Probe" the id derived for "C++ Probe" (ID_TAKEN) rather than rename it, and takes an id given', async () => {
      const plus = await upserted({ name: data.name('C++ Probe') });
      expect(plus.id).toBe(`place:c-probe-${data.token}`);
      const before = await data.snapshot();

      const { body } = await upsert({ name: data.name('C Probe') });
      expect(errorCode(body)).toBe('BAD_USER_INPUT');
      expect(refusal(body)).toMatchObject({ reason: 'ID_TAKEN', field: 'input.id', conflictingId: plus.id, conflictingName: plus.name });
      expect(body.errors![0]!.message).toContain(plus.name);
      expect(await data.snapshot()).toEqual(before);

      const own = await upserted({ id: `place:c-plain-probe-${data.token}`, name: data.name('C Probe') });
      expect((await service.graphql(BY_ID, { id: plus.id })).body.data!.entity).toMatchObject({ name: plus.name });
      expect((await service.graphql(BY_NAME, { name: own.name })).body.data!.entity).toEqual({ id: own.id, name: own.name });
    });

    it('still updates the entity of a derived id under the same name, whatever its case', async () => {
      const first = await upserted({ name: data.name('Derived Crossing') });
      const again = await upserted({ name: data.name('DERIVED CROSSING'), aliases: [data.name('The Crossing')] });
      expect(again).toEqual({ id: first.id, kind: 'PLACE', name: data.name('DERIVED CROSSING'), aliases: [data.name('The Crossing')] });
    });
  });

  describe('one name, one entity', () => {
    it('leaves one entity, and 49 BAD_USER_INPUT, after 50 concurrent upserts of one name under 50 ids', async () => {
      const name = data.name('Raced Name');
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) => upsert({ id: `place:raced-${data.token}-${index}`, name })),
      );
      const written = responses.filter((response) => !response.body.errors);
      const refused = responses.filter((response) => response.body.errors);
      expect(written).toHaveLength(1);
      expect(refused.map((response) => [errorCode(response.body), refusal(response.body)?.reason])).toEqual(
        Array.from({ length: 49 }, () => ['BAD_USER_INPUT', 'NAME_TAKEN']),
      );
      const winner = written[0]!.body.data!.upsertEntity.id as string;
      expect(await data.query('MATCH (n:Entity) WHERE n.name = $name RETURN n.id AS id', { name })).toEqual([{ id: winner }]);
      expect(await data.query('MATCH (key:NameKey) WHERE key.entityId STARTS WITH $prefix RETURN DISTINCT key.entityId AS id', { prefix: `place:raced-${data.token}-` })).toEqual([
        { id: winner },
      ]);
    });

    it('leaves one entity after concurrent upserts of a name and its look-alikes', async () => {
      const names = [data.name('Police Post'), data.name('P\u043elice Post'), data.name('POLICE POST'), data.name('Pol\u0456ce Post')];
      const responses = await Promise.all(names.map((name, index) => upsert({ id: `place:look-alike-${data.token}-${index}`, name })));
      expect(responses.filter((response) => !response.body.errors)).toHaveLength(1);
      expect(await data.query('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id', { prefix: `place:look-alike-${data.token}-` })).toHaveLength(1);
    });

    it('refuses an alias another entity holds, naming it (NAME_TAKEN)', async () => {
      const holder = await upserted({ name: data.name('Alias Holder'), aliases: [data.name('Shared Alias')] });
      const { body } = await upsert({ name: data.name('Alias Taker'), aliases: [data.name('shared alias')] });
      expect(refusal(body)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NAME_TAKEN', conflictingId: holder.id });
      expect(body.errors![0]!.message).toContain(holder.id);
    });

    it('frees the names an entity gives up, for another entity to take', async () => {
      const renamed = await upserted({ name: data.name('Old Crossing Name'), aliases: [data.name('Old Alias')] });
      await upserted({ id: renamed.id, name: data.name('New Crossing Name'), aliases: [] });
      // Under an id of its own: the id the old name derives still names the renamed entity.
      const taker = await upserted({ id: `place:new-holder-${data.token}`, name: data.name('Old Crossing Name'), aliases: [data.name('Old Alias')] });
      expect(taker.id).not.toBe(renamed.id);
      expect((await service.graphql(BY_NAME, { name: data.name('old alias') })).body.data!.entity).toEqual({ id: taker.id, name: taker.name });
    });

    it('frees the name of an entity deleted by hand, which leaves its key behind', async () => {
      const deleted = await upserted({ name: data.name('Deleted Crossing') });
      await data.query('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: deleted.id });
      const again = await upserted({ id: `place:reborn-crossing-${data.token}`, name: data.name('Deleted Crossing') });
      expect((await service.graphql(BY_NAME, { name: deleted.name })).body.data!.entity).toEqual({ id: again.id, name: again.name });
    });
  });

  describe('look-alikes', () => {
    it('refuses "Pоlice" (a Cyrillic о) beside "Police", naming the entity it passes for (NAME_LOOKALIKE)', async () => {
      const police = await upserted({ kind: 'ORGANIZATION', name: data.name('Police Service') });
      const before = await data.snapshot();
      const lookalike = data.name('P\u043elice Service');
      const { body } = await upsert({ kind: 'ORGANIZATION', name: lookalike });
      expect(refusal(body)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NAME_LOOKALIKE',
        field: 'input.name',
        name: lookalike,
        conflictingId: police.id,
        conflictingName: police.name,
      });
      expect(body.errors![0]!.message).toContain(police.id);
      expect(await data.snapshot()).toEqual(before);
    });

    it("refuses a look-alike of a seed entity's alias, and writes nothing", async () => {
      // "Моunties" with a Cyrillic М and о: the RCMP's alias "Mounties".
      const name = '\u041c\u043eunties';
      const before = await data.snapshot({ names: [name] });
      const { body } = await upsert({ kind: 'ORGANIZATION', name });
      expect(refusal(body)).toMatchObject({ reason: 'NAME_LOOKALIKE', conflictingId: 'organization:royal-canadian-mounted-police', conflictingName: 'Mounties' });
      expect(await data.snapshot({ names: [name] })).toEqual(before);
    });

    it('refuses an entity whose own alias is a look-alike of another entity', async () => {
      const canada = await upserted({ name: data.name('Canada Crossing') });
      const { body } = await upsert({ name: data.name('Another Crossing'), aliases: [data.name('\u0421anada Crossing')] });
      expect(refusal(body)).toMatchObject({ reason: 'NAME_LOOKALIKE', conflictingId: canada.id });
    });
  });

  describe('accepting candidates from ingestion', () => {
    const INGEST = `mutation ($input: ArticleInput!) { ingestArticle(input: $input) { proposals { id kind entity { kind name } } } }`;
    const REVIEW = 'mutation ($decisions: [ProposalDecision!]!) { reviewProposals(decisions: $decisions) { id status } }';
    /** The token as letters, so that a person's name carrying it reads as a name. */
    const lettersOf = (token: string) => token.replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!);

    it('refuses a candidate whose name looks like an entity of the graph, as upsertEntity does', async () => {
      const name = `Marla Quist${lettersOf(data.token)}`;
      // "Маrla" with a Cyrillic М: written first, it holds the id the candidate's name derives.
      const lookalike = await upserted({ kind: 'PERSON', name: name.replace('M', '\u041c') });
      const text = `“We are seeing the effect of the new patrols,” said ${name}, a spokesperson for the sector.\nFiled as story ${data.token}.`;
      const ingested = await service.graphql(INGEST, { input: { text, title: data.name('Patrols'), publisher: 'The Post', publishedOn: '2025-03-02' } }, editor);
      expect(ingested.body.errors).toBeUndefined();
      const candidate = (ingested.body.data!.ingestArticle.proposals as { id: string; kind: string; entity: { kind: string } | null }[]).find(
        (proposal) => proposal.kind === 'ENTITY' && proposal.entity?.kind === 'PERSON',
      )!;
      const before = await data.snapshot();
      const { body } = await service.graphql(REVIEW, { decisions: [{ id: candidate.id, accept: true }] }, editor);
      expect(refusal(body)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NAME_LOOKALIKE', field: 'decisions[0].edit.name', conflictingId: lookalike.id });
      expect(await data.snapshot()).toEqual(before);
    });
  });

  describe('Unicode normalisation (NFC)', () => {
    it('stores a decomposed "é" composed, and finds one name by the other', async () => {
      const composed = data.name('Caf\u00e9 Crossing');
      const decomposed = data.name('Cafe\u0301 Crossing');
      const written = await upserted({ name: decomposed });
      expect(written.name).toBe(composed);
      expect((await service.graphql(BY_NAME, { name: composed })).body.data!.entity).toEqual({ id: written.id, name: composed });
      expect((await service.graphql(BY_NAME, { name: decomposed })).body.data!.entity).toEqual({ id: written.id, name: composed });
      const { body } = await upsert({ id: `place:other-cafe-${data.token}`, name: composed });
      expect(refusal(body)).toMatchObject({ reason: 'NAME_TAKEN', conflictingId: written.id });
    });
  });

  describe('entities written without name keys', () => {
    it('claims their keys at startup, and reports two that answer to one name', async () => {
      const name = data.name('Unkeyed Crossing');
      await data.query(
        `CREATE (:Entity:Place {id: $first, kind: 'PLACE', name: $name, aliases: [], nameKeys: [toLower($name)]})
         CREATE (:Entity:Place {id: $second, kind: 'PLACE', name: $lookalike, aliases: [], nameKeys: [toLower($lookalike)]})`,
        { first: `place:unkeyed-a-${data.token}`, second: `place:unkeyed-b-${data.token}`, name, lookalike: name.replace('o', '\u043e') },
      );
      const warnings: unknown[] = [];
      const log = { info: () => undefined, warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
      const { driver, executor } = testDatabase();
      try {
        await claimMissingNameKeys(executor, log);
      } finally {
        await driver.close();
      }
      const keys = await data.query('MATCH (key:NameKey) WHERE key.entityId STARTS WITH $prefix RETURN DISTINCT key.entityId AS id', { prefix: `place:unkeyed-` });
      expect(keys.filter((key) => String(key.id).endsWith(data.token))).toEqual([{ id: `place:unkeyed-a-${data.token}` }]);
      expect(JSON.stringify(warnings)).toContain(`place:unkeyed-b-${data.token}`);
      const { body } = await upsert({ id: `place:unkeyed-c-${data.token}`, name });
      expect(refusal(body)).toMatchObject({ reason: 'NAME_TAKEN', conflictingId: `place:unkeyed-a-${data.token}` });
    });

    it("holds the seed's names as keys of the seed's entities", async () => {
      // Two keys: the skeletons of the name case-folded and as written.
      const keys = await data.query("MATCH (key:NameKey {entityId: 'place:canada'}) RETURN key.name AS name, key.key AS key ORDER BY key");
      expect(keys).toEqual([
        { name: 'Canada', key: 'Canada' },
        { name: 'Canada', key: 'canada' },
      ]);
    });
  });
});
