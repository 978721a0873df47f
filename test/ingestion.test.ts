import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestData } from './support/test-data';
import { errorCode, startTestService, type GraphQLResponse, type TestService } from './support/test-service';

/**
 * Issue 12 end to end, against the real Neo4j: ingestArticle (dry run, storing, the same text
 * twice, a revision, bad input), the proposals it stores (invisible to ordinary queries), and
 * reviewProposals (accept, edit-then-accept, merge, reject; all decisions of a call or none).
 * Every article carries the test's token in its title and text, so its id and its proposals are
 * the test's own.
 */

const EDITOR_KEY = 'editor-key-for-ingestion-tests-01';
const READER_KEY = 'reader-key-for-ingestion-tests-01';
const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const reader = { authorization: `Bearer ${READER_KEY}` };

const INGEST = `mutation Ingest($input: ArticleInput!, $dryRun: Boolean) {
  ingestArticle(input: $input, dryRun: $dryRun) {
    created warnings
    article { id title text publishedOn }
    proposals { id status kind confidence extractor notes anchor { start end exact }
      entity { id kind name }
      mention { entity { id } sentence }
      statistic { id measure value unit qualifier period { start end label } reportedBy { id } source { id } }
      quotation { text direct speaker { id } attributedTo }
      relation { type from { id } to { id } evidence { quote } }
    }
  }
}`;

const REVIEW = `mutation Review($decisions: [ProposalDecision!]!) {
  reviewProposals(decisions: $decisions) { id status reviewedBy reviewedAt reviewNote kind
    entity { id name aliases provenance { kind review { proposalId extractor reviewedBy reviewedAt } } }
    statistic { id value provenance { kind review { reviewedBy } } }
    quotation { id speaker { id } provenance { kind } }
    relation { id type provenance { kind } }
  }
}`;

interface IngestedProposal {
  id: string;
  status: string;
  kind: string;
  confidence: number;
  extractor: string;
  notes: string[];
  anchor: { start: number; end: number; exact: string };
  entity: { id: string; kind: string; name: string } | null;
  mention: { entity: { id: string }; sentence: string } | null;
  statistic: { id: string; measure: string; value: number; unit: string; qualifier: string; period: { start: string; end: string; label: string } | null; reportedBy: { id: string } | null; source: { id: string } } | null;
  quotation: { text: string; direct: boolean; speaker: { id: string } | null; attributedTo: string | null } | null;
  relation: { type: string; from: { id: string }; to: { id: string }; evidence: { quote: string }[] } | null;
}

/** The token as letters, so that a person's name carrying it still reads as a name ("Marla Quistbcadefgh"). */
const lettersOf = (token: string) => token.replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!);

function articleText(token: string): string {
  return [
    `Border Patrol agents in the Swanton Sector apprehended 1,240 people in January, up from 980 in December, according to data from U.S. Customs and Border Protection.`,
    `“We are seeing the effect of the new patrols,” said Marla Quist, a spokesperson for the sector.`,
    `Representative Mike Kelly (R-PA), co-chair of the Northern Border Security Caucus, told The Post the numbers were encouraging.`,
    `Filed as story ${token}.`,
  ].join('\n');
}

describe('ingestion with review', () => {
  let service: TestService;
  const data = new TestData();

  beforeAll(async () => {
    service = await startTestService({ API_KEYS: `editor:${EDITOR_KEY},reader:${READER_KEY}` });
  });
  afterAll(async () => {
    await service.stop();
    // The people accepted from the articles carry the token as letters, which cleanUp cannot see;
    // so do the changes that record them.
    await data.query("MATCH (n) WHERE (n:Entity AND n.id STARTS WITH 'person:marla-quist') OR (n:Change AND n.what STARTS WITH 'person:marla-quist') DETACH DELETE n");
    await data.cleanUp();
  });

  async function ingest(input: Record<string, unknown>, dryRun = false, headers: Record<string, string> = editor) {
    return service.graphql<{ ingestArticle: { created: boolean; warnings: string[]; article: { id: string; title: string; text: string; publishedOn: string | null }; proposals: IngestedProposal[] } }>(
      INGEST,
      { input, dryRun },
      headers,
    );
  }

  function ingested(body: GraphQLResponse['body']) {
    expect(body.errors).toBeUndefined();
    return body.data!.ingestArticle as { created: boolean; warnings: string[]; article: { id: string; text: string }; proposals: IngestedProposal[] };
  }

  async function review(decisions: Record<string, unknown>[]) {
    return service.graphql(REVIEW, { decisions }, editor);
  }

  async function storedProposals(articleId: string) {
    const [row] = await data.query('MATCH (p:Proposal {articleId: $articleId}) RETURN count(p) AS count', { articleId });
    return Number(row!.count);
  }

  const oneOf = (proposals: IngestedProposal[], predicate: (proposal: IngestedProposal) => boolean) => {
    const found = proposals.filter(predicate);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  const standardInput = () => ({ text: articleText(data.token), title: data.name('Northern crossings fall'), publisher: 'The Post', publishedOn: '2025-03-02' });

  it('proposes, in a dry run, what the article states and stores nothing', async () => {
    const input = standardInput();
    const before = await data.snapshot();
    const { body } = await ingest(input, true);
    const result = ingested(body);
    expect(result.created).toBe(true);
    expect(result.article.text).toBe(input.text);

    const january = oneOf(result.proposals, (proposal) => proposal.statistic?.value === 1240);
    expect(january.statistic).toMatchObject({ measure: 'apprehensions', unit: 'people', qualifier: 'EXACT', period: { start: '2025-01-01', end: '2025-01-31', label: 'January' } });
    expect(january.statistic!.reportedBy).toEqual({ id: 'organization:us-customs-and-border-protection' });
    expect(january.statistic!.source.id).toBe(result.article.id);
    expect(january.anchor.exact).toBe('1,240');
    expect(january.extractor).toBe('statistics@1');

    const quist = oneOf(result.proposals, (proposal) => proposal.entity?.name === 'Marla Quist');
    expect(quist.entity!.kind).toBe('PERSON');
    const quote = oneOf(result.proposals, (proposal) => proposal.quotation?.direct === true);
    expect(quote.quotation).toMatchObject({ text: 'We are seeing the effect of the new patrols', speaker: null, attributedTo: 'Marla Quist' });
    const coChairs = oneOf(result.proposals, (proposal) => proposal.relation?.type === 'CO_CHAIRS');
    expect(coChairs.relation).toMatchObject({ from: { id: 'person:mike-kelly' }, to: { id: 'organization:northern-border-security-caucus' } });
    expect(result.proposals.every((proposal) => proposal.status === 'PROPOSED')).toBe(true);

    expect(await data.snapshot()).toEqual(before);
    expect(await storedProposals(result.article.id)).toBe(0);
  });

  it('stores the article and its proposals, which ordinary queries do not show; the same text again changes nothing', async () => {
    const input = standardInput();
    const first = ingested((await ingest(input)).body);
    expect(first.created).toBe(true);
    const articleId = first.article.id;
    expect(articleId).toContain(data.token);
    expect(await storedProposals(articleId)).toBe(first.proposals.length);

    const { body } = await service.graphql(
      `query ($id: ID!) {
        proposals(articleId: $id, first: 100) { totalCount edges { node { id status } } }
        statistics(filter: { sourceId: $id }) { totalCount }
        quotations(articleId: $id) { totalCount }
        entity(id: $id) { ... on Article { title publisher { id } proposals(first: 1) { totalCount } } }
        search(query: "Quist") { entity { id } }
      }`,
      { id: articleId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.proposals.totalCount).toBe(first.proposals.length);
    expect(body.data!.statistics.totalCount).toBe(0);
    expect(body.data!.quotations.totalCount).toBe(0);
    expect(body.data!.search).toEqual([]);
    expect(body.data!.entity).toEqual({ title: input.title, publisher: { id: 'organization:the-post' }, proposals: { totalCount: first.proposals.length } });

    const before = await data.snapshot();
    const again = ingested((await ingest(input)).body);
    expect(again.created).toBe(false);
    expect(again.article.id).toBe(articleId);
    expect(again.proposals.map((proposal) => proposal.id).sort()).toEqual(first.proposals.map((proposal) => proposal.id).sort());
    expect(await data.snapshot()).toEqual(before);
  });

  it('knows the seed articles: ingesting the text of one changes nothing', async () => {
    const file = readFileSync(path.resolve(__dirname, '..', 'cypher', 'seed', 'articles', '000_1d76d7eba23e31ec.txt'), 'utf8');
    const before = await data.snapshot();
    const result = ingested((await ingest({ text: file, publishedOn: '2025-03-02' })).body);
    expect(result).toMatchObject({ created: false, article: { id: 'article:migrants-heading-north-into-canada' } });
    expect(await data.snapshot()).toEqual(before);
  });

  it('makes a changed text of the same URL a new revision, keeping the old one and withdrawing its pending proposals', async () => {
    const url = `https://example.com/${data.token}`;
    const first = ingested((await ingest({ ...standardInput(), url })).body);
    const second = ingested((await ingest({ ...standardInput(), url, text: `${articleText(data.token)}\nThe sector added 40 agents.` })).body);
    expect(second.created).toBe(true);
    expect(second.article.id).toBe(`${first.article.id}--r2`);
    expect(second.warnings.join(' ')).toContain('revision');

    const rows = await data.query('MATCH (p:Proposal {articleId: $id}) RETURN p.status AS status, p.note AS note', { id: first.article.id });
    expect(rows.length).toBe(first.proposals.length);
    for (const row of rows) expect(row).toEqual({ status: 'REJECTED', note: `withdrawn: superseded by ${second.article.id}` });
    const [old] = await data.query('MATCH (a:Article {id: $id}) RETURN a.text AS text, a.supersededById AS supersededById', { id: first.article.id });
    expect(old).toEqual({ text: articleText(data.token), supersededById: second.article.id });
  });

  it('accepts a statistic as an ordinary fact whose provenance names the extraction, the key and the time', async () => {
    const result = ingested((await ingest(standardInput())).body);
    const january = oneOf(result.proposals, (proposal) => proposal.statistic?.value === 1240);
    const december = oneOf(result.proposals, (proposal) => proposal.statistic?.value === 980);
    const { body } = await review([{ id: january.id, accept: true }, { id: december.id, accept: true }]);
    expect(body.errors).toBeUndefined();
    const [accepted] = body.data!.reviewProposals;
    expect(accepted).toMatchObject({ id: january.id, status: 'ACCEPTED', kind: 'STATISTIC', reviewedBy: expect.stringMatching(/^key:[0-9a-f]{12}$/) });
    expect(accepted.statistic.provenance).toEqual({ kind: 'EXTRACTED', review: { reviewedBy: accepted.reviewedBy } });

    const { body: read } = await service.graphql(
      `query ($id: ID!) { statistics(filter: { sourceId: $id }) { edges { node { id value relations(filter: { types: ["INCREASED_FROM"], direction: OUTGOING }) { edges { node { to { id } } } } } } } }`,
      { id: result.article.id },
    );
    const statistics = read.data!.statistics.edges.map((edge: any) => edge.node);
    expect(statistics.map((statistic: any) => statistic.value).sort((a: number, b: number) => a - b)).toEqual([980, 1240]);
    const rise = statistics.find((statistic: any) => statistic.value === 1240);
    expect(rise.relations.edges.map((edge: any) => edge.node.to.id)).toEqual([statistics.find((statistic: any) => statistic.value === 980).id]);

    // Deciding again the same way changes nothing; deciding otherwise is refused.
    expect((await review([{ id: january.id, accept: true }])).body.errors).toBeUndefined();
    const { body: changed } = await review([{ id: january.id, accept: false }]);
    expect(errorCode(changed)).toBe('BAD_USER_INPUT');
    expect(changed.errors![0]!.extensions!.field).toBe('decisions[0].id');
  });

  it('accepts an edited statistic, a new person and the quotation naming them, and rejects what the editor turns down', async () => {
    const result = ingested((await ingest({ ...standardInput(), text: articleText(data.token).replace('Marla Quist', `Marla Quist${lettersOf(data.token)}`) })).body);
    const january = oneOf(result.proposals, (proposal) => proposal.statistic?.value === 1240);
    const person = oneOf(result.proposals, (proposal) => proposal.kind === 'ENTITY' && proposal.entity!.kind === 'PERSON');
    const quote = oneOf(result.proposals, (proposal) => proposal.quotation?.direct === true);
    const sector = oneOf(result.proposals, (proposal) => proposal.entity?.name === 'Swanton Sector');

    const { body } = await review([
      { id: quote.id, accept: true },
      { id: january.id, accept: true, edit: { value: 1250, qualifier: 'APPROXIMATE' } },
      { id: person.id, accept: true },
      { id: sector.id, accept: false },
    ]);
    expect(body.errors).toBeUndefined();
    const [quotation, statistic, entity, rejected] = body.data!.reviewProposals;
    expect(statistic.statistic.value).toBe(1250);
    expect(entity.entity.provenance).toMatchObject({ kind: 'EXTRACTED', review: { proposalId: person.id, extractor: 'entities@1' } });
    // The person was accepted in the same call, before the quotation: it speaks.
    expect(quotation.quotation).toMatchObject({ speaker: { id: entity.entity.id }, provenance: { kind: 'EXTRACTED' } });
    expect(rejected).toMatchObject({ status: 'REJECTED', entity: { name: 'Swanton Sector' } });
    const [swanton] = await data.query('MATCH (n:Entity) WHERE n.name = "Swanton Sector" RETURN count(n) AS count');
    expect(swanton!.count).toBe(0);
  });

  it('merges a candidate into an existing entity in one call, recording the alias and the mentions', async () => {
    const upsert = await service.graphql(
      'mutation ($input: EntityInput!) { upsertEntity(input: $input) { id } }',
      { input: { kind: 'PERSON', name: data.name('Spokesperson') } },
      editor,
    );
    const targetId = upsert.body.data!.upsertEntity.id as string;
    const result = ingested((await ingest({ ...standardInput(), text: articleText(data.token).replace('Marla Quist', `Marla Quist${lettersOf(data.token)}`) })).body);
    const person = oneOf(result.proposals, (proposal) => proposal.kind === 'ENTITY' && proposal.entity!.kind === 'PERSON');

    const { body } = await review([{ id: person.id, accept: true, mergeIntoId: targetId }]);
    expect(body.errors).toBeUndefined();
    expect(body.data!.reviewProposals[0]).toMatchObject({ status: 'ACCEPTED', reviewNote: expect.stringContaining(targetId), entity: { id: targetId } });

    const { body: read } = await service.graphql(
      `query ($id: ID!) { entity(id: $id) { aliasDetails { name provenance { kind } } mentions { edges { node { article { id } anchor { exact } } } } } }`,
      { id: targetId },
    );
    expect(read.data!.entity.aliasDetails).toEqual([{ name: `Marla Quist${lettersOf(data.token)}`, provenance: { kind: 'EXTRACTED' } }]);
    expect(read.data!.entity.mentions.edges.map((edge: any) => edge.node)).toEqual([{ article: { id: result.article.id }, anchor: { exact: `Marla Quist${lettersOf(data.token)}` } }]);
  });

  it('refuses the whole review when one decision fails, and writes none of it', async () => {
    const result = ingested((await ingest({ ...standardInput(), text: articleText(data.token).replace('Marla Quist', `Marla Quist${lettersOf(data.token)}`) })).body);
    const january = oneOf(result.proposals, (proposal) => proposal.statistic?.value === 1240);
    const cites = oneOf(result.proposals, (proposal) => proposal.relation?.type === 'CITES' && proposal.relation.to.id.includes(lettersOf(data.token)));
    const mention = result.proposals.find((proposal) => proposal.kind === 'MENTION')!;
    const before = await data.snapshot();

    // The citation's end is a candidate nobody accepted: the graph has no such person.
    const { body } = await review([{ id: january.id, accept: true }, { id: cites.id, accept: true }]);
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.extensions!.field).toBe('decisions[1].edit.toId');
    // An edit that does not fit the proposal's kind is refused, not ignored.
    const { body: misfit } = await review([{ id: mention.id, accept: true, edit: { value: 3 } }]);
    expect(errorCode(misfit)).toBe('BAD_USER_INPUT');
    expect(misfit.errors![0]!.extensions).toMatchObject({ field: 'decisions[0].edit.value', reason: 'NOT_APPLICABLE' });
    const { body: unknown } = await review([{ id: 'proposal:nothing-like-it', accept: false }]);
    expect(unknown.errors![0]!.extensions!.field).toBe('decisions[0].id');

    expect(await data.snapshot()).toEqual(before);
  });

  it.each([
    ['an empty text', { text: '   ' }, 'input.text', 'EMPTY'],
    ['a date in the future', { publishedOn: '2999-01-01' }, 'input.publishedOn', 'FUTURE_DATE'],
    ['a page that is only scripts', { format: 'HTML', text: '<html><body><script>alert(1)</script></body></html>' }, 'input.text', 'HTML_WITHOUT_TEXT'],
    ['binary content', { text: 'ab\u0000cd' }, 'input.text', 'BINARY'],
    ['text over the size limit', { text: 'Word. '.repeat(40_000) }, 'input.text', 'TOO_LARGE'],
  ])('refuses %s with a field and a reason, and changes nothing', async (_case, change, field, reason) => {
    const before = await data.snapshot();
    const [{ count: articlesBefore }] = (await data.query('MATCH (a:Article) RETURN count(a) AS count')) as [{ count: number }];
    const { body } = await ingest({ ...standardInput(), ...change });
    expect(errorCode(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.extensions).toMatchObject({ field, reason });
    expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/);
    expect(await data.snapshot()).toEqual(before);
    const [{ count: articlesAfter }] = (await data.query('MATCH (a:Article) RETURN count(a) AS count')) as [{ count: number }];
    expect(articlesAfter).toBe(articlesBefore);
  });

  it('lets only editors ingest and review', async () => {
    const { body } = await ingest(standardInput(), false, reader);
    expect(errorCode(body)).toBe('FORBIDDEN');
    const { body: anonymous } = await service.graphql(REVIEW, { decisions: [{ id: 'proposal:x', accept: false }] });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});
