import { accessSync, constants, statSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Where Debian, Ubuntu, snap, Google's packages and macOS put Chromium or Chrome, in order of
 * preference (.ci/run looks in the same places). Playwright's own browsers are never
 * downloaded: the browser tests drive an installed one.
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
    `The browser tests need Chromium and found none at ${CHROMIUM_CANDIDATES.join(', ')}. ` +
      'Install it (Debian: apt-get install chromium; Ubuntu: apt-get install chromium-browser) ' +
      'or set CHROMIUM_PATH to any Chromium or Chrome binary.',
  );
}

/** Headless Chromium with everything that would call home switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
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
}

/** The URLs a page requested from anywhere but this machine; data: and blob: URLs are not requests. */
export function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !LOCAL_HOSTS.has(url.hostname)) foreign.push(request.url());
  });
  return foreign;
}

/**
 * Page errors, console errors (a Content-Security-Policy violation is reported on the console,
 * not as a page error) and failed responses, for a test to expect none.
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}
