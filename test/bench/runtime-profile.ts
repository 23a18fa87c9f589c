/**
 * Where the runtime's CPU goes under load: starts the fake model and the platform (inspector on), runs
 * CONCURRENCY streaming clients for LOAD_SECONDS against a published 4-node chat app while the V8
 * profiler samples workerd, and prints self time by package, source file and function, and total time
 * (with callees) by function. The bundle is minified, so frames are mapped back to their sources through
 * the bundle's source map. A diagnosis tool, not a benchmark: its numbers include the profiler's own cost.
 * Usage: npx tsx test/bench/runtime-profile.ts   (PROFILE_OUT=file.cpuprofile keeps the raw profile and
 * the bundle's source map beside it as file.cpuprofile.map;
 * PROFILE=off only reports the server's CPU per run from /proc, which a busy machine disturbs less)
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createClient } from '@edgeflow/api';
import { startFakeModelProcess } from '../support/fake-model-process.ts';
import { startPlatform } from '../support/platform.ts';
import { cpuSince, processGroupCpu } from '../support/process-cpu.ts';
import { repositoryRoot } from '../support/repository.ts';
import { chainChatApp } from './runtime-documents.ts';
import { runLoad } from './runtime-load.ts';
import { runEventDialect, timeStream } from './runtime-streams.ts';

const concurrency = Number(process.env.CONCURRENCY ?? 50);
const loadSeconds = Number(process.env.LOAD_SECONDS ?? 6);
const model = 'bench-chat';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// wrangler's inspector proxy refuses Node's built-in WebSocket client; `ws` (wrangler's own dependency,
// hoisted by pnpm) is what it is built for.
type Socket = {
  once(event: 'open' | 'error', listener: (value: unknown) => void): Socket;
  on(event: 'message', listener: (data: unknown) => void): void;
  send(data: string): void;
  close(): void;
};
const WebSocket = createRequire(join(repositoryRoot, 'node_modules/.pnpm/node_modules/index.js'))(
  'ws',
) as new (
  url: string,
) => Socket;

type TraceMap = object;
const traceMapping = createRequire(join(repositoryRoot, 'node_modules/.pnpm/node_modules/index.js'))(
  '@jridgewell/trace-mapping',
) as {
  TraceMap: new (map: string) => TraceMap;
  originalPositionFor(
    map: TraceMap,
    position: { line: number; column: number },
  ): { source: string | null; name: string | null; line: number | null };
};

/**
 * The source map of the bundle wrangler dev is serving (the newest under apps/runtime/.wrangler/tmp):
 * the bundle is minified, so the profile's `index.js:348` says nothing until mapped back to its source.
 */
async function bundleSourceMap(): Promise<{ text: string; map: TraceMap } | undefined> {
  const folder = join(repositoryRoot, 'apps/runtime/.wrangler/tmp');
  const candidates = (await readdir(folder).catch(() => [] as string[]))
    .filter((name) => name.startsWith('dev-'))
    .map((name) => join(folder, name, 'index.js.map'));
  const dated = await Promise.all(
    candidates.map(async (file) => ({
      file,
      time: (await stat(file).catch(() => undefined))?.mtimeMs ?? -1,
    })),
  );
  const newest = dated.filter((entry) => entry.time >= 0).sort((x, y) => y.time - x.time)[0];
  if (!newest) return undefined;
  const text = await readFile(newest.file, 'utf8');
  return { text, map: new traceMapping.TraceMap(text) };
}

/** Where a bundled frame came from: its source file, line and original name when the map knows. */
function mapFrame(map: TraceMap | undefined, frame: ProfileNode['callFrame']) {
  if (!map || frame.url !== 'index.js' || frame.lineNumber < 0) return undefined;
  const original = traceMapping.originalPositionFor(map, {
    line: frame.lineNumber + 1,
    column: Math.max(0, frame.columnNumber),
  });
  if (!original.source) return undefined;
  const source = original.source.replace(/^(\.\.\/)+/, '');
  return { source, line: original.line ?? 0, name: original.name };
}

async function inspect(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as {
    webSocketDebuggerUrl: string;
    title?: string;
  }[];
  const target = targets.find((entry) => !/miniflare|proxy/i.test(entry.title ?? '')) ?? targets[0];
  if (!target) throw new Error('no inspector target');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 1;
  const pending = new Map<number, (value: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => socket.close(), title: target.title };
}

function summarizeProfile(profile: Profile, map: TraceMap | undefined) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const byFile = new Map<string, number>();
  const add = (into: Map<string, number>, key: string, micros: number) =>
    into.set(key, (into.get(key) ?? 0) + micros);
  for (const [id, micros] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const mapped = mapFrame(map, frame);
    const url = mapped?.source ?? frame.url;
    const where = url.replace(/^.*\/(node_modules\/\.pnpm\/)?/, '');
    const line = mapped ? mapped.line : frame.lineNumber + 1;
    const name = `${mapped?.name ?? (frame.functionName || '(anonymous)')} ${where}:${line}`;
    add(byFunction, name, micros);
    const packageName =
      /node_modules\/\.pnpm\/([^/]+)/.exec(url)?.[1] ??
      /(packages|apps)\/([^/]+)/.exec(url)?.[0] ??
      (url || frame.functionName || '(native)');
    add(byPackage, packageName, micros);
    const file =
      /node_modules\/\.pnpm\/[^/]+\/node_modules\/(.+)$/.exec(url)?.[1] ??
      url.replace(/^.*?((packages|apps)\/)/, '$1');
    add(byFile, file || frame.functionName || '(native)', micros);
  }
  // Total time (self plus callees) of each function, counted once per stack however deep it recurses.
  const byTotal = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (frame: ProfileNode['callFrame']) => {
    const mapped = mapFrame(map, frame);
    if (!mapped) return frame.url ? `${frame.functionName || '(anonymous)'} ${frame.url}` : undefined;
    return `${mapped.name ?? (frame.functionName || '(anonymous)')} ${mapped.source.replace(/^.*\/(node_modules\/\.pnpm\/)?/, '')}:${mapped.line}`;
  };
  for (const [id, micros] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      const name = frame ? label(frame) : undefined;
      if (name && !seen.has(name)) {
        seen.add(name);
        add(byTotal, name, micros);
      }
    }
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  return {
    total,
    functions: top(byFunction, 45),
    packages: top(byPackage, 25),
    files: top(byFile, 40),
    totals: top(byTotal, 50),
  };
}

const { url: fakeUrl, process: fake } = await startFakeModelProcess({
  firstTokenMs: 50,
  tokenDelayMs: 5,
  tokens: 5,
});
const platform = await startPlatform({
  settings: { OPENAI_COMPATIBLE_BASE_URL: fakeUrl, OPENAI_COMPATIBLE_MODELS: model },
});
const { inspectorPort } = platform;
try {
  const admin = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
  const app = await admin.createApp({ name: 'profile', graph: chainChatApp(4, `compatible:${model}`) });
  await admin.publish(app.id, { note: 'profile' });
  const { key } = await admin.createKey(app.id, { kind: 'secret', name: 'profile' });
  const stream = () =>
    timeStream(
      `${platform.baseUrl}/v1/apps/${app.id}/runs`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ inputs: { query: 'hello' }, stream: true }),
      },
      runEventDialect,
    );
  await runLoad({ concurrency, durationMs: 2000, stream }); // warm-up
  const tree = processGroupCpu(platform.process.pid);
  await tree.refresh();
  const before = await tree.snapshot();
  const profiling = process.env.PROFILE !== 'off';
  const inspector = profiling ? await inspect(inspectorPort) : undefined;
  if (inspector) {
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.send('Profiler.start');
  }
  const load = await runLoad({ concurrency, durationMs: loadSeconds * 1000, stream });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const runs = load.succeeded + load.failed;
  const cpu = [...cpuSince(before, await tree.snapshot())]
    .filter(([, ms]) => ms > 0)
    .map(([command, ms]) => `${command} ${(ms / runs).toFixed(2)} ms`);
  console.log(`${runs} runs (${load.failed} failed) in ${loadSeconds} s; CPU per run: ${cpu.join(', ')}`);
  for (const [reason, count] of load.failures) console.log(`  ${count}× ${reason.slice(0, 300)}`);
  if (load.failed > 0)
    console.log(`The platform's output (last 6000 characters):\n${platform.process.output().slice(-6000)}`);
  if (inspector) {
    const { profile } = (await inspector.send('Profiler.stop')) as { profile: Profile };
    inspector.close();
    if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
    const bundleMap = await bundleSourceMap();
    if (process.env.PROFILE_OUT && bundleMap)
      await writeFile(`${process.env.PROFILE_OUT}.map`, bundleMap.text);
    const { total, functions, packages, files, totals } = summarizeProfile(profile, bundleMap?.map);
    const idle = new Set(
      profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id),
    );
    let idleMicros = 0;
    profile.samples.forEach((id, index) => {
      if (idle.has(id)) idleMicros += profile.timeDeltas[index] ?? 0;
    });
    console.log(
      `sampled ${(total / 1000).toFixed(0)} ms, idle ${(idleMicros / 1000).toFixed(0)} ms; ` +
        `busy per run ${((total - idleMicros) / 1000 / runs).toFixed(2)} ms (includes the profiler's cost)`,
    );
    console.log(
      `By package (self time):\n${packages}\n\nBy file (self time):\n${files}\n\nBy function (self time):\n${functions}` +
        `\n\nBy function (total time, with callees):\n${totals}`,
    );
  }
} finally {
  await platform.stop();
  await fake.stop();
}
