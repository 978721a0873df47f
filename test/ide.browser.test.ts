import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fromProjectRoot } from '../src/project-root';
import { startTestService, type TestService } from './support/test-service';

/** Debian's chromium (apt-get install chromium): Playwright's own browsers are never downloaded. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = fromProjectRoot('test', 'artifacts', 'ide.png');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The URLs a page requested from anywhere but this machine; data: fonts are not requests. */
function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && !LOCAL_HOSTS.has(url.hostname)) foreign.push(request.url());
  });
  return foreign;
}

describe('the GraphQL IDE in a browser', () => {
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    service = await startTestService();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('opens with the example operations, runs one and shows its result, without leaving the machine', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const foreignRequests = watchForeignRequests(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A Content-Security-Policy violation is reported on the console, not as a page error.
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(service.url);
    // One tab per example operation, named after it; the first one is open.
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    const tabNames = await tabs.allInnerTexts();
    expect(tabNames.map((name) => name.trim())).toEqual(
      expect.arrayContaining(['SearchMounties', 'CoChairsOfNorthernBorderSecurityCaucus', 'UpsertEntityAsEditor']),
    );

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response');
    await result.getByText('Royal Canadian Mounted Police').first().waitFor();
    expect(await result.innerText()).toContain('"id": "organization:royal-canadian-mounted-police"');

    mkdirSync(fromProjectRoot('test', 'artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("opens the editor's write with its variables and an Authorization placeholder in the Headers pane", async () => {
    const page = await browser.newPage();
    await page.goto(service.url);
    await page.locator('.graphiql-tab-button', { hasText: 'UpsertEntityAsEditor' }).click();
    await page.getByText('"Canada Border Services Agency"').waitFor();
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.getByText('"Bearer <your editor key>"').waitFor();
  });
});
