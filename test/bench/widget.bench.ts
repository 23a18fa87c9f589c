/**
 * The chat widget's cost to a customer's page:
 * - the size of apps/widget/dist/widget.js gzipped (budget: under 20 KB);
 * - the time from a click on the launcher to the panel being interactive (its input focused and a
 *   frame shown), in headless Chromium, over ROUNDS fresh page loads, against a floor measured
 *   interleaved in the same run: a bare page whose button shows a plain div of the panel's size.
 * The widget reads only its launcher configuration at start, served here by the bench's own page
 * server (test/bench/widget-bench-site.ts), so the numbers are the widget's alone, not the network's.
 * Usage: npm run bench:widget   (ROUNDS, WARMUP to change)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { repositoryRoot } from '../support/repository.ts';
import { format, summarize } from './stats.ts';
import { startBenchSite } from './widget-bench-site.ts';

const rounds = Number(process.env.ROUNDS ?? 30);
const warmup = Number(process.env.WARMUP ?? 3);
const widgetDir = join(repositoryRoot, 'apps', 'widget');
const widgetPath = join(widgetDir, 'dist', 'widget.js');

/** One fresh page: load, click the launcher with the mouse, read the page's own measurement. */
async function openOnce(browser: Browser, url: string, launcher: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const box = await page.locator(launcher).boundingBox();
    if (!box) throw new Error(`no ${launcher} on ${url}`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    return await page.evaluate(() => (window as unknown as { __openTime: Promise<number> }).__openTime);
  } finally {
    await context.close();
  }
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: widgetDir, stdio: 'inherit' });
if (build.status !== 0) throw new Error('building apps/widget failed');
const script = readFileSync(widgetPath);
const gzipped = gzipSync(script, { level: 9 }).length;
console.log(
  `widget.js: ${(script.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(2)} KB gzipped (budget 20 KB)`,
);

const site = await startBenchSite(widgetPath);
const browser = await launchBrowser();
const samples = { widget: [] as number[], floor: [] as number[] };
try {
  for (let round = 0; round < warmup + rounds; round += 1) {
    const floor = await openOnce(browser, `${site.origin}/floor.html`, '#launcher');
    const widget = await openOnce(browser, `${site.origin}/widget.html`, '.launcher');
    if (round >= warmup) {
      samples.floor.push(floor);
      samples.widget.push(widget);
    }
  }
} finally {
  await browser.close();
  await site.close();
}

const widget = summarize(samples.widget);
const floor = summarize(samples.floor);
console.log(`launcher click → panel interactive, ${widget.n} fresh page loads each, interleaved:`);
console.log(`  widget: median ${format(widget.median)}, p95 ${format(widget.p95)}`);
console.log(`  floor (bare div): median ${format(floor.median)}, p95 ${format(floor.p95)}`);
console.log(
  `  ratio widget/floor: median ${(widget.median / floor.median).toFixed(2)}×, p95 ${(widget.p95 / floor.p95).toFixed(2)}×`,
);
if (gzipped >= 20 * 1024) process.exitCode = 1;
