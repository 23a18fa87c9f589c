/**
 * The editor's speed in headless Chromium, next to a floor measured in the same run: a bare React Flow
 * page (apps/editor/bench, built into test-results/, never shipped) with the same 500 nodes and edges.
 * Builds the editor and the floor, starts the platform as `npm start` runs it, stores the 500-node
 * document as an app's draft, then round by round, editor and floor interleaved:
 * - open: navigation start until all 500 nodes and their edges are drawn (editor: loading the app over the API,
 *   compiling nothing in the browser, drawing; target ≤ 1.5 s);
 * - drag: frame intervals while a node is dragged for ~1 s (target ≥ 30 fps);
 * - typing: keydown to the next frame, per keystroke, in an llm node's prompt field (floor: a bare
 *   textarea beside the canvas; target < 50 ms);
 * and the editor's initial JavaScript, gzipped (target < 300 KB).
 * Usage: npm run bench:editor   (ROUNDS, WARMUP, SIZE to change; BUILD=0 reuses the last builds)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createClient } from '@edgeflow/api';
import { benchDocument } from '../../apps/editor/bench/bench-document.ts';
import { launchBrowser } from '../support/browser.ts';
import { freePort } from '../support/free-port.ts';
import { startPlatform } from '../support/platform.ts';
import { repositoryRoot } from '../support/repository.ts';
import { setting } from './bench-setup.ts';
import { editorBundleSize } from './editor-bundle.ts';
import { dragFrames, keystrokeLatencies, openProbe, waitForOpen } from './editor-page-probes.ts';
import { summarize } from './stats.ts';

const rounds = setting('ROUNDS', 5);
const warmup = setting('WARMUP', 1);
const size = setting('SIZE', 500);
const editorDir = join(repositoryRoot, 'apps', 'editor');
const floorDir = join(repositoryRoot, 'test-results', 'editor-bench-floor');

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

/** Serves the floor's built files on 127.0.0.1. */
async function serveFloor(): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((request, response) => {
    const path =
      normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = join(floorDir, path);
    if (!file.startsWith(floorDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/index.html?size=${size}`, server };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  if (process.env.BUILD !== '0') {
    console.log('Building the editor (into apps/runtime/.assets) and the floor page…');
    run('node', ['scripts/build-assets.mjs'], repositoryRoot);
    run('npm', ['run', '--silent', 'build:bench-floor'], editorDir);
  }
  const bundle = await editorBundleSize(join(editorDir, 'dist'));

  const platform = await startPlatform();
  const floor = await serveFloor();
  const browser = await launchBrowser();
  try {
    const client = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
    const document = benchDocument(size);
    // A fresh app per round, so no round sees another's drag or typing.
    const freshApp = async () => (await client.createApp({ name: document.name, graph: document })).id;
    const llmId =
      document.nodes.find((node) => node.type === 'llm' && node.id.startsWith('n_10_'))?.id ?? 'n_0_1';
    const dragId = document.nodes.find((node) => node.id.startsWith('n_9_'))?.id ?? 'n_0_0';

    const cases = {
      editor: {
        url: async () => `${platform.baseUrl}/apps/${await freshApp()}#token=${platform.adminToken}`,
        field: `[id="field-${llmId}-prompt"]`,
        prepare: async (page: import('playwright-core').Page) => {
          // The drag may leave the view elsewhere; fit it so the node to type into is on screen.
          await page.getByRole('button', { name: 'Fit view' }).click();
          await page.waitForTimeout(400);
          await page
            .locator(`.react-flow__node[data-id="${llmId}"]`)
            .click({ timeout: 10_000 })
            .catch(async (error: unknown) => {
              await page.screenshot({
                path: join(repositoryRoot, 'test-results', 'editor-bench-failure.png'),
              });
              throw error;
            });
          await page.locator(`[id="field-${llmId}-prompt"]`).waitFor();
        },
      },
      floor: { url: async () => floor.url, field: '#floor-prompt', prepare: async () => undefined },
    };
    const samples: Record<string, { open: number[]; frames: number[]; keys: number[] }> = {
      editor: { open: [], frames: [], keys: [] },
      floor: { open: [], frames: [], keys: [] },
    };
    for (let round = 0; round < warmup + rounds; round += 1) {
      for (const [name, entry] of Object.entries(cases)) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
        await context.addInitScript(openProbe(size, document.edges.length));
        const page = await context.newPage();
        await page.goto(await entry.url());
        const open = await waitForOpen(page);
        await page.waitForTimeout(300);
        const frames = await dragFrames(page, dragId);
        await entry.prepare(page);
        const keys = await keystrokeLatencies(page, entry.field, 'the quick brown fox');
        await context.close();
        if (round < warmup) continue;
        const target = samples[name];
        if (!target) continue;
        target.open.push(open);
        target.frames.push(...frames);
        target.keys.push(...keys);
      }
      process.stdout.write(`round ${round + 1}/${warmup + rounds}\r`);
    }

    const rows = (['open', 'frames', 'keys'] as const).map((metric) => {
      const editor = summarize(samples.editor?.[metric] ?? []);
      const floorStats = summarize(samples.floor?.[metric] ?? []);
      return { metric, editor, floor: floorStats };
    });
    console.log(
      `\nEditor benchmark: ${size} nodes, ${rounds} rounds (+${warmup} warm-up), headless Chromium, editor and floor interleaved; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
    );
    for (const { metric, editor, floor: floorStats } of rows) {
      if (metric === 'frames') {
        const fps = (interval: number) => 1000 / interval;
        console.log(
          `drag frame interval   editor median ${ms(editor.median)} (${fps(editor.median).toFixed(0)} fps), p95 ${ms(editor.p95)} (${fps(editor.p95).toFixed(0)} fps) | floor median ${ms(floorStats.median)}, p95 ${ms(floorStats.p95)} | ratio ${(editor.median / floorStats.median).toFixed(2)}× | target ≥ 30 fps: ${fps(editor.median) >= 30 ? 'met' : 'MISSED'}`,
        );
      } else {
        const label = metric === 'open' ? 'open + render        ' : 'keystroke to frame   ';
        const limit = metric === 'open' ? 1500 : 50;
        console.log(
          `${label} editor median ${ms(editor.median)}, p95 ${ms(editor.p95)} | floor median ${ms(floorStats.median)}, p95 ${ms(floorStats.p95)} | ratio ${(editor.median / floorStats.median).toFixed(2)}× | target ${metric === 'open' ? '≤ 1500' : '< 50'} ms: ${(metric === 'open' ? editor.median <= limit : editor.median < limit) ? 'met' : 'MISSED'} (n=${editor.n})`,
        );
      }
    }
    console.log(
      `initial JS (gzip)     editor ${kb(bundle.initialGzip)}; lazy chunks ${kb(bundle.lazyGzip)} (${bundle.files
        .filter((file) => !file.initial)
        .map((file) => `${file.name.split('/').pop()} ${kb(file.gzip)}`)
        .join(', ')}) | target < 300 KB: ${bundle.initialGzip < 300 * 1024 ? 'met' : 'MISSED'}`,
    );
  } finally {
    await browser.close();
    floor.server.close();
    await platform.stop();
  }
}

await main();
