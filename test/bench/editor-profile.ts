/**
 * Where the editor's open time goes: starts the platform, stores the 500-node bench document as an
 * app's draft, opens it ROUNDS times in headless Chromium with the V8 CPU profiler on and prints, per
 * round, the page's milestones (scripts loaded, API answers, all nodes on screen), then self time by
 * function and by package over all rounds. A diagnosis tool, not a benchmark: the profiler costs time.
 * Usage: npx tsx test/bench/editor-profile.ts   (uses the last build in apps/runtime/.assets;
 * SIZE, ROUNDS to change; PROFILE_OUT=file.cpuprofile keeps the last round's raw profile)
 */
import { writeFile } from 'node:fs/promises';
import { createClient } from '@edgeflow/api';
import { benchDocument } from '../../apps/editor/bench/bench-document.ts';
import { launchBrowser } from '../support/browser.ts';
import { startPlatform } from '../support/platform.ts';
import { setting } from './bench-setup.ts';
import { openProbe, waitForOpen } from './editor-page-probes.ts';

const size = setting('SIZE', 500);
const rounds = setting('ROUNDS', 3);

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const where = (url: string) => {
  const file = url.split('/').pop() ?? url;
  return file || '(native)';
};

/**
 * The last round in 100 ms slices: per slice, busy time and the three functions with the most
 * inclusive time in it (a rough "what was the page doing then").
 */
function timeline(profile: Profile, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const slices = new Map<number, { busy: number; names: Map<string, number> }>();
  let clock = 0;
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    clock += delta;
    const name = byId.get(id)?.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') return;
    const slice = Math.floor(clock / 100);
    const entry = slices.get(slice) ?? { busy: 0, names: new Map<string, number>() };
    entry.busy += delta;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame?.url) continue;
      const label = `${frame.functionName || '(anon)'}:${frame.lineNumber}`;
      if (seen.has(label)) continue;
      seen.add(label);
      entry.names.set(label, (entry.names.get(label) ?? 0) + delta);
    }
    slices.set(slice, entry);
  });
  return [...slices.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([slice, { busy, names }]) => {
      const leaves = [...names.entries()]
        .filter(([, time]) => time < busy * 0.9)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([label, time]) => `${label} ${time.toFixed(0)}`)
        .join(', ');
      return `  ${String(slice * 100).padStart(5)} ms busy ${busy.toFixed(0).padStart(3)}  ${leaves}`;
    })
    .join('\n');
}

async function main() {
  const platform = await startPlatform();
  const browser = await launchBrowser();
  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  try {
    const client = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
    const document = benchDocument(size);
    for (let round = 0; round < rounds + 1; round += 1) {
      const app = await client.createApp({ name: document.name, graph: document });
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
      await context.addInitScript(openProbe(size, document.edges.length));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      // FLOOR_URL profiles another page instead (e.g. the bench's floor, served from test-results/).
      await page.goto(
        process.env.FLOOR_URL ?? `${platform.baseUrl}/apps/${app.id}#token=${platform.adminToken}`,
      );
      const open = await waitForOpen(page);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const resources = await page.evaluate<{ name: string; start: number; end: number }[]>(
        `performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime, end: e.responseEnd }))`,
      );
      const paint = await page.evaluate<number>(
        `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1`,
      );
      await context.close();
      if (round === 0) continue; // warm-up
      console.log(`round ${round}: open ${open.toFixed(0)} ms, first paint ${paint.toFixed(0)} ms`);
      for (const entry of resources)
        console.log(
          `  ${entry.start.toFixed(0).padStart(5)}–${entry.end.toFixed(0).padStart(5)} ms  ${entry.name.slice(0, 80)}`,
        );
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      profile.samples.forEach((id, index) => {
        const node = byId.get(id);
        if (!node) return;
        const time = (profile.timeDeltas[index] ?? 0) / 1000;
        const frame = node.callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${where(frame.url)}:${frame.lineNumber}:${frame.columnNumber}`;
        selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + time);
        const file = where(frame.url);
        selfByFile.set(file, (selfByFile.get(file) ?? 0) + time);
        // Inclusive time: every function on the sampled stack, once per sample.
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const caller = byId.get(at)?.callFrame;
          if (!caller?.url) continue;
          const name = `${caller.functionName || '(anonymous)'} ${where(caller.url)}:${caller.lineNumber}`;
          if (seen.has(name)) continue;
          seen.add(name);
          totalByFunction.set(name, (totalByFunction.get(name) ?? 0) + time);
        }
      });
      if (round === rounds) console.log(timeline(profile, byId, parent));
      if (process.env.PROFILE_OUT && round === rounds)
        await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
    }
    const top = (map: Map<string, number>, count: number) =>
      [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([name, time]) => `  ${(time / rounds).toFixed(1).padStart(7)} ms  ${name}`)
        .join('\n');
    console.log(`\nSelf time per round by file:\n${top(selfByFile, 12)}`);
    console.log(`\nSelf time per round by function:\n${top(selfByFunction, 40)}`);
    console.log(
      `\nTotal (inclusive) time per round by function:\n${top(totalByFunction, Number(process.env.TOP ?? 70))}`,
    );
  } finally {
    await browser.close();
    await platform.stop();
  }
}

await main();
