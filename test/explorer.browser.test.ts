import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
// jsonld ships no type declarations; the part used is typed below.
// @ts-expect-error -- no declaration file for 'jsonld'
import jsonldModule from 'jsonld';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchForeignRequests, watchPageErrors } from './support/chromium';
import { startTestService, type TestService } from './support/test-service';

/**
 * Issue 14 in a real Chromium: a researcher's way through the explorer, a screenshot saved at
 * each step (test/artifacts/explorer/), the exports parsed back against the API's own answers.
 */

const ARTIFACTS = path.join(__dirname, 'artifacts', 'explorer');
const RCMP = 'organization:royal-canadian-mounted-police';
const FORTY_CROSSINGS = 'statistic:illegal-crossings-washington-to-british-columbia-january-2025';

const jsonld = jsonldModule as { expand(document: unknown, options: { documentLoader: (url: string) => Promise<never>; safe?: boolean }): Promise<Record<string, unknown>[]> };
const offlineLoader = async (url: string): Promise<never> => {
  throw new Error(`the export asked for ${url}: it must need nothing from the network`);
};
const OA = 'http://www.w3.org/ns/oa#';
const RDF_TYPE = '@type';

interface ExplorerHandle {
  nodeCount(): number;
  positionOf(id: string): { x: number; y: number } | null;
  renderedPositionOf(id: string): { x: number; y: number } | null;
  drawnClaims(): number;
  visible(): { entities: string[]; relations: string[] };
}
/*
 * What the callbacks run inside the page touch. The service's tsconfig has no DOM library (its
 * code runs in Node), so the few browser globals used here are declared for this file alone.
 */
interface Slider {
  value: string;
  min: string;
  max: string;
  dispatchEvent(event: Event): boolean;
}
declare const window: { borderKgExplorer: ExplorerHandle };
declare const document: {
  body: { dataset: Record<string, string | undefined> };
  getElementById(id: string): { textContent: string | null } | null;
  activeElement: { classList: { contains(name: string): boolean } } | null;
  documentElement: { scrollWidth: number };
};

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.getElementById('status')?.textContent !== 'Loading the explorer…');
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The graph glides (300 ms) to frame what was added: let it arrive.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Clicks a node where the canvas draws it, as a researcher's mouse would. */
async function clickNode(page: Page, id: string): Promise<void> {
  const box = (await page.locator('#graph').boundingBox())!;
  const at = await page.evaluate((nodeId) => window.borderKgExplorer.renderedPositionOf(nodeId), id);
  expect(at).not.toBeNull();
  await page.mouse.click(box.x + at!.x, box.y + at!.y);
}

async function download(page: Page, button: string): Promise<string> {
  const menu = page.locator('.export-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${button}"]`).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

describe('the explorer in a browser', () => {
  let service: TestService;
  let browser: Browser;
  let page: Page;
  let foreignRequests: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    service = await startTestService();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    foreignRequests = watchForeignRequests(page);
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('is served with a strict Content-Security-Policy and only its own files', async () => {
    const response = await page.goto(`${service.baseUrl}/explore`);
    expect(response!.status()).toBe(200);
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    await settled(page);
    await expect(page.locator('#status').textContent()).resolves.toContain('Search for');
  });

  it('finds the Mounties as you type, with the matching words marked in sentences', async () => {
    await page.locator('#search-input').fill('mounties');
    const hit = page.locator(`.entity-hit[data-id="${RCMP}"]`);
    await hit.waitFor();
    const marked = await page.locator('.sentence-hit mark').allInnerTexts();
    expect(marked.map((word) => word.toLowerCase())).toContain('mounties');
    await screenshot(page, '1-search-mounties');

    await hit.click();
    await settled(page);
    expect(await page.evaluate(() => window.borderKgExplorer.nodeCount())).toBeGreaterThan(5);
    await expect(page.locator('#evidence-title').textContent()).resolves.toBe('Royal Canadian Mounted Police');
    expect(new URL(page.url()).searchParams.get('open')).toBe(RCMP);
    await screenshot(page, '2-rcmp-expanded');
  });

  it("shows the 40 crossings' sentence highlighted in its article, and keeps the nodes on screen where they were", async () => {
    await page.getByRole('button', { name: 'Fit' }).click();
    const before = await page.evaluate((id) => window.borderKgExplorer.positionOf(id), RCMP);
    await clickNode(page, FORTY_CROSSINGS);
    await settled(page);
    await expect(page.locator('#evidence-title').textContent()).resolves.toContain('Illegal crossings from Washington into British Columbia');

    const { body } = await service.graphql(`query($id: ID!) { entity(id: $id) { ... on Statistic { sources { quote anchor { start end exact } article { ... on Article { text } } } } } }`, { id: FORTY_CROSSINGS });
    const source = body.data!.entity.sources[0];
    const mark = page.locator('#evidence .article-view mark.evidence-mark');
    await mark.waitFor();
    expect(await mark.innerText()).toBe(source.anchor.exact);
    expect(source.article.text.slice(source.anchor.start, source.anchor.end)).toBe(source.anchor.exact);
    expect(source.anchor.exact).toContain('40 illegal crossings');
    await expect(page.locator('#evidence [data-provenance], #evidence .provenance').first().isVisible()).resolves.toBe(true);

    // Clicking the statistic expanded it too: the nodes drawn before stayed where they were.
    expect(await page.evaluate((id) => window.borderKgExplorer.positionOf(id), RCMP)).toEqual(before);
    expect(new URL(page.url()).searchParams.get('selected')).toBe(FORTY_CROSSINGS);
    await screenshot(page, '3-forty-crossings-evidence');
  });

  it('exports the view as CSV, JSON-LD and GraphML with the same facts as the API', async () => {
    const opened = new URL(page.url()).searchParams.get('open')!.split(',');
    const nodes = new Map<string, { kind: string; sources: unknown[] }>();
    const relations = new Map<string, { evidence: unknown[] }>();
    for (const id of opened) {
      const { body } = await service.graphql(
        `query($id: ID!) { neighborhood(id: $id, limit: 100) { nodes { id kind ... on Statistic { sources { quote } } } relations { id evidence { quote } } } }`,
        { id },
      );
      for (const node of body.data!.neighborhood.nodes) nodes.set(node.id, { kind: node.kind, sources: node.sources ?? [] });
      for (const relation of body.data!.neighborhood.relations) relations.set(relation.id, relation);
    }
    const visible = await page.evaluate(() => window.borderKgExplorer.visible());
    expect(new Set(visible.entities)).toEqual(new Set(nodes.keys()));
    expect(new Set(visible.relations)).toEqual(new Set(relations.keys()));

    const relationRows = [...relations.values()].reduce((rows, relation) => rows + Math.max(1, relation.evidence.length), 0);
    const statistics = [...nodes.values()].filter((node) => node.kind === 'STATISTIC');
    const statisticRows = statistics.reduce((rows, statistic) => rows + Math.max(1, statistic.sources.length), 0);

    const relationsCsv = parseCsv(await download(page, 'view:relations'), { relax_column_count: true }) as string[][];
    const [relationHeader, ...relationLines] = relationsCsv;
    expect(relationHeader).toContain('quote');
    expect(relationLines).toHaveLength(relationRows);
    for (const line of relationLines) expect(line).toHaveLength(relationHeader!.length);
    expect(new Set(relationLines.map((line) => line[relationHeader!.indexOf('id')]))).toEqual(new Set(relations.keys()));

    const statisticsCsv = parseCsv(await download(page, 'view:statistics'), { relax_column_count: true }) as string[][];
    const [statisticHeader, ...statisticLines] = statisticsCsv;
    expect(statisticLines).toHaveLength(statisticRows);
    for (const line of statisticLines) expect(line).toHaveLength(statisticHeader!.length);
    const forty = statisticLines.find((line) => line[statisticHeader!.indexOf('id')] === FORTY_CROSSINGS)!;
    expect(forty[statisticHeader!.indexOf('quote')]).toContain('40 illegal crossings');

    const quotationLines = (parseCsv(await download(page, 'view:quotations')) as string[][]).slice(1);

    const expanded = await jsonld.expand(JSON.parse(await download(page, 'view:json-ld')), { documentLoader: offlineLoader, safe: true });
    const annotations = expanded.filter((node) => (node[RDF_TYPE] as string[] | undefined)?.includes(`${OA}Annotation`));
    const evidenceCount = [...relations.values()].reduce((count, relation) => count + relation.evidence.length, 0);
    const sourceCount = statistics.reduce((count, statistic) => count + statistic.sources.length, 0);
    expect(annotations).toHaveLength(evidenceCount + sourceCount + quotationLines.length);
    const relationNodes = expanded.filter((node) => (node[RDF_TYPE] as string[] | undefined)?.some((type) => type.endsWith('#Relation')));
    expect(relationNodes).toHaveLength(relations.size);

    const graphml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name) }).parse(await download(page, 'view:graphml'));
    expect(graphml.graphml.graph.node).toHaveLength(nodes.size);
    expect(graphml.graphml.graph.edge).toHaveLength(relations.size);
  });

  it('exports the whole graph: every entity the API lists', async () => {
    const count = async () => (await service.graphql('{ entities(first: 0) { totalCount } }')).body.data!.entities.totalCount as number;
    const before = await count();
    const text = await download(page, 'graph:graphml');
    await settled(page);
    const after = await count();
    const graphml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge'].includes(name) }).parse(text);
    // Other test files write their own entities meanwhile; the dump holds what was there between the two counts.
    expect(graphml.graphml.graph.node.length).toBeGreaterThanOrEqual(Math.min(before, after));
    expect(graphml.graphml.graph.node.length).toBeLessThanOrEqual(Math.max(before, after));
    expect(graphml.graphml.graph.edge.length).toBeGreaterThan(graphml.graphml.graph.node.length);
  });

  it('filters by kind and by period, and keeps the filters in the URL', async () => {
    const all = await page.evaluate(() => window.borderKgExplorer.visible());
    await page.locator('.filters summary').click();
    await page.locator('input[data-kind="ARTICLE"]').uncheck();
    const withoutArticles = await page.evaluate(() => window.borderKgExplorer.visible());
    expect(withoutArticles.entities.some((id: string) => id.startsWith('article:'))).toBe(false);
    expect(withoutArticles.entities.length).toBeLessThan(all.entities.length);
    expect(new URL(page.url()).searchParams.get('hideKinds')).toBe('ARTICLE');
    await page.locator('input[data-kind="ARTICLE"]').check();

    // The period's end moved to its first month: facts dated later are hidden.
    await page.locator('#period-to').evaluate((slider: Slider) => {
      slider.value = slider.min;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const early = await page.evaluate(() => window.borderKgExplorer.visible());
    expect(early.entities.length + early.relations.length).toBeLessThan(all.entities.length + all.relations.length);
    expect(new URL(page.url()).searchParams.get('to')).toMatch(/^\d{4}-\d{2}$/);
    await screenshot(page, '4-filtered-by-period');
    await page.locator('#period-to').evaluate((slider: Slider) => {
      slider.value = slider.max;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.evaluate(() => window.borderKgExplorer.visible())).toEqual(all);
  });

  it('traces a shortest path between two picked entities, found by a misspelt name', async () => {
    await page.locator(`#graph-list button[data-id="${RCMP}"]`).evaluate((button: { click(): void }) => button.click());
    await settled(page);
    await page.getByRole('button', { name: 'Path from here' }).click();
    await page.locator('#search-mode').selectOption('FUZZY');
    await page.locator('#search-input').fill('Mike Kely');
    await page.locator('.entity-hit[data-id="person:mike-kelly"]').click();
    await settled(page);
    await page.getByRole('button', { name: 'Path to here' }).click();
    await settled(page);
    await expect(page.locator('.path-note').textContent()).resolves.toMatch(/^Path of \d+ relations?: Royal Canadian Mounted Police → .* → Mike Kelly$/);
    expect(new URL(page.url()).searchParams.get('path')).toBe(`${RCMP},person:mike-kelly`);
    await screenshot(page, '5-path-rcmp-to-kelly');
  });

  it('opens a cited link as it was: the same entities, pick and path', async () => {
    const cited = page.url();
    const visible = await page.evaluate(() => window.borderKgExplorer.visible());
    const second = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchPageErrors(second);
    await second.goto(cited);
    await settled(second);
    const reopened = await second.evaluate(() => window.borderKgExplorer.visible());
    expect(new Set(reopened.entities)).toEqual(new Set(visible.entities));
    expect(new Set(reopened.relations)).toEqual(new Set(visible.relations));
    await expect(second.locator('.path-note').textContent()).resolves.toContain('Mike Kelly');
    expect(errors).toEqual([]);
    await second.close();
  });

  it("draws the southwest series with the article's two monthly points, coloured by verdict and linked to their evidence", async () => {
    await page.goto(`${service.baseUrl}/explore?chart=${encodeURIComponent('illegal crossings')}@place:us-mexico-border`);
    await settled(page);
    const rows = page.locator('#chart-panel table.points tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    expect(await page.evaluate(() => window.borderKgExplorer.drawnClaims())).toBe(2);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict')))).toEqual(['CONSISTENT', 'MATCHES', 'DIFFERS']);
    await expect(page.locator('#chart-panel canvas').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, '6-southwest-series');

    await rows.nth(1).getByRole('button', { name: 'evidence' }).click();
    await settled(page);
    const mark = page.locator('#evidence .article-view mark.evidence-mark');
    await mark.waitFor();
    expect(await mark.innerText()).toContain('301,981');
  });

  it('works from the keyboard: down arrow into the results, Enter opens', async () => {
    await page.goto(`${service.baseUrl}/explore`);
    await settled(page);
    await page.locator('#search-mode').selectOption('PREFIX');
    await page.locator('#search-input').focus();
    await page.keyboard.type('moun');
    await page.locator(`.entity-hit[data-id="${RCMP}"]`).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hit'))).toBe(true);
    await page.keyboard.press('Enter');
    await settled(page);
    await expect(page.locator('#evidence-title').textContent()).resolves.toBe('Royal Canadian Mounted Police');
  });

  it('reads on a phone-width screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(`${service.baseUrl}/explore?open=${RCMP}&selected=${FORTY_CROSSINGS}`);
    await settled(phone);
    await phone.locator('#evidence .article-view mark').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, '7-phone');
    await phone.close();
  });

  it('says so when the API refuses, never a blank page', async () => {
    const refused = await browser.newPage();
    await refused.goto(`${service.baseUrl}/explore?open=person:nobody-by-that-id`);
    await settled(refused);
    const status = refused.locator('#status');
    await expect(status.getAttribute('data-tone')).resolves.toBe('error');
    await expect(status.getAttribute('role')).resolves.toBe('alert');
    await expect(status.textContent()).resolves.toContain('NOT_FOUND');
    await refused.close();
  });

  it('made no request off this machine and hit no error or policy violation on the way', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
