import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestService, type TestService } from './support/test-service';

/** Issue 14, part 1: search as you type (PREFIX) and despite typos (FUZZY), against the real index. */
describe('search modes', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  async function ids(query: string, mode?: string): Promise<string[]> {
    const { body } = await service.graphql(`query ($query: String!, $mode: SearchMode) { search(query: $query, mode: $mode) { entity { id } } }`, { query, mode });
    expect(body.errors).toBeUndefined();
    return body.data!.search.map((hit: any) => hit.entity.id);
  }

  it('finds the Mounties from "moun" in PREFIX mode, and not in WORDS mode (the default)', async () => {
    expect(await ids('moun', 'PREFIX')).toContain('organization:royal-canadian-mounted-police');
    expect(await ids('moun')).toEqual([]);
  });

  it('finds Kelly from "Kely" in FUZZY mode', async () => {
    expect(await ids('Kely', 'FUZZY')).toContain('person:mike-kelly');
    expect(await ids('Kely', 'WORDS')).toEqual([]);
  });

  it('treats Lucene syntax as text in every mode', async () => {
    for (const mode of ['WORDS', 'PREFIX', 'FUZZY']) {
      // ids() fails the test on any error: a parse error of the Lucene query would be one.
      expect(Array.isArray(await ids('*:* OR a~ AND (b', mode))).toBe(true);
    }
  });

  it('refuses a mode that is none of the three', async () => {
    const { body } = await service.graphql('{ search(query: "moun", mode: EXACT) { score } }');
    expect(body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
