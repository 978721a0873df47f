import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium, watchForeignRequests, watchPageErrors } from './support/chromium';
import { startTestService, type TestService } from './support/test-service';

const SCREENSHOT = path.join(__dirname, 'artifacts', 'ide.png');

describe('the GraphQL IDE in a browser', () => {
  let service: TestService;
  let browser: Browser;

  beforeAll(async () => {
    service = await startTestService();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('opens with the example operations, runs one and shows its result, without leaving the machine', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const foreignRequests = watchForeignRequests(page);
    const pageErrors = watchPageErrors(page);

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
