import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestService, type TestService } from './support/test-service';

/**
 * Where Debian, Ubuntu, snap, Google's packages and macOS put Chromium or Chrome, in order of
 * preference. Playwright's own browsers are never downloaded: the test drives an installed one.
 */
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const SCREENSHOT = path.join(__dirname, 'artifacts', 'ide.png');
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: CHROMIUM_PATH when set, else the first candidate installed. Throws,
 * failing the suite, when there is none: Chromium is a requirement of `npm test` (README.md).
 */
function findChromium(): string {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new Error(`CHROMIUM_PATH=${chosen} is not an executable file: point it at a Chromium or Chrome binary.`);
  }
  const found = CHROMIUM_CANDIDATES.find(isExecutable);
  if (found) return found;
  throw new Error(
    `The IDE browser test needs Chromium and found none at ${CHROMIUM_CANDIDATES.join(', ')}. ` +
      'Install it (Debian: apt-get install chromium; Ubuntu: apt-get install chromium-browser) ' +
      'or set CHROMIUM_PATH to any Chromium or Chrome binary.',
  );
}

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
    const executablePath = findChromium();
    service = await startTestService();
    browser = await chromium.launch({
      executablePath,
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

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
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
