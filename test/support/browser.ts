/**
 * Real Chromium for the browser tests (editor, widget): Debian's package driven by playwright-core,
 * as ../shared/ENVIRONMENT.md says. `npm test` installs it when missing (scripts/ensure-chromium.mjs).
 * Every page opened through {@link openPage} records console errors and uncaught exceptions, so a test
 * can assert there were none.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { repositoryRoot } from './repository.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium; close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface TrackedPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far, as text. */
  errors: string[];
}

/** A fresh context and page (laptop-sized unless told otherwise) that records console errors. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { page, errors };
}

/** Where screenshots of the main screens are kept as test artefacts (gitignored). */
export const artefactsDir = join(repositoryRoot, 'test-results', 'screenshots');

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artefactsDir, { recursive: true });
  const path = join(artefactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
