/**
 * What the platform adds to every answer, measured end to end on 127.0.0.1 against a floor measured in
 * the same run. Starts the fake model (its CLI: 50 ms to the first token, 5 tokens), the platform as
 * `npm start` runs it (a published 4-node chat app: start → template → llm → answer) and a bare
 * pass-through worker under `wrangler dev` (test/bench/passthrough-worker: the cost of workerd and the
 * local proxy alone), also behind the platform's static-assets front (d: under wrangler dev every request
 * to the platform passes the asset router first), then two floors behind the same front: (f) a worker
 * that passes the answer through JavaScript chunk by chunk, as any platform that re-frames the model's
 * stream into its own events must, and (e) that worker keeping run records the way API.md demands of any
 * run (passthrough-worker/persisting.ts: one insert at the start, not awaited, one db.batch at the end,
 * in waitUntil, into a local D1). So the floors climb one cost at a time: c → d the asset front, d → f
 * touching the stream, f → e the run records (a local D1 shares workerd's thread; on Cloudflare it runs
 * elsewhere), and e is the floor of any implementation of the contract configured as the platform is,
 * which the floor (c) is not. Then, interleaved round by round:
 * - time to first token via (a) the platform's POST /v1/apps/{id}/runs, (b) the model directly,
 *   (c) the bare worker; targets: a − b < 5 ms median and < 15 ms p95 (within ~1.5 ms of c − b), also
 *   and against (e);
 * - profile rows: a 40-node app, a 4-node app on local:echo (no upstream), /healthz, header times, and
 *   the CPU time each request costs the server's process tree (robust to a busy machine);
 * - CONCURRENCY streaming clients for LOAD_SECONDS against the platform and against the bare worker;
 *   targets: ≥ 0.8× the floor's runs/s, p95 TTFT within 1.2× the floor's, no failed runs, against every
 *   floor (c, d, e, f);
 * and the worker bundle's gzipped size (wrangler deploy --dry-run).
 * Usage: npm run bench:runtime   (ROUNDS, WARMUP, CONCURRENCY, LOAD_SECONDS to change;
 * X_LOCAL_OBSERVABILITY=true turns on wrangler dev's local tracing for both servers; off by default, as in
 * npm start: scripts/wrangler.mjs)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@edgeflow/api';
import { startFakeModelProcess } from '../support/fake-model-process.ts';
import { startPlatform } from '../support/platform.ts';
import { cpuSince, processGroupCpu, totalCpu } from '../support/process-cpu.ts';
import { buildWorkerBundle, formatBytes } from '../support/worker-bundle.ts';
import { startDevWorker } from '../support/wrangler-dev.ts';
import { type Stoppable, setting, trackServers } from './bench-setup.ts';
import { chainChatApp } from './runtime-documents.ts';
import { combineLoad, type LoadResult, runLoad } from './runtime-load.ts';
import { interleaveRounds } from './runtime-rounds.ts';
import {
  chatCompletionDialect,
  runEventDialect,
  type StreamSample,
  timeRoundTrip,
  timeStream,
} from './runtime-streams.ts';
import { format, summarize } from './stats.ts';

const rounds = setting('ROUNDS', 100);
const warmup = setting('WARMUP', 10);
const concurrency = setting('CONCURRENCY', 50);
const loadSeconds = setting('LOAD_SECONDS', 12);
const loadSegments = 2;
const model = 'bench-chat';
const fakeModel = { firstTokenMs: 50, tokenDelayMs: 5, tokens: 5 };

const { running, stopAll } = trackServers();

/** Starts servers side by side; if one fails, the others are stopped too (they are all in `running`). */
async function startBoth<First extends Stoppable, Second extends Stoppable>(
  first: Promise<First>,
  second: Promise<Second>,
): Promise<[First, Second]> {
  const [one, two] = await Promise.allSettled([first, second]);
  if (one.status === 'fulfilled') running.push(one.value);
  if (two.status === 'fulfilled') running.push(two.value);
  if (one.status === 'rejected') throw one.reason;
  if (two.status === 'rejected') throw two.reason;
  return [one.value, two.value];
}

/** Creates, publishes and keys one app; returns what a caller needs. */
async function publishedApp(
  admin: ReturnType<typeof createClient>,
  document: ReturnType<typeof chainChatApp>,
) {
  const app = await admin.createApp({ name: document.name, graph: document });
  await admin.publish(app.id, { note: 'benchmark' });
  const { key } = await admin.createKey(app.id, { kind: 'secret', name: 'benchmark' });
  return { id: app.id, key };
}

const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');
const pad = (text: string, width: number) => text.padEnd(width);
const cell = (milliseconds: number) => (Number.isNaN(milliseconds) ? '–' : format(milliseconds)).padStart(10);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  console.log(
    `Runtime benchmark (Node ${process.version}): starting the fake model, the platform and the bare worker…`,
  );
  const loadAverageBefore = loadavg()[0] ?? 0;
  const fake = await startFakeModelProcess(fakeModel);
  running.push(fake.process);
  const [platform, worker] = await startBoth(
    startPlatform({ settings: { OPENAI_COMPATIBLE_BASE_URL: fake.url, OPENAI_COMPATIBLE_MODELS: model } }),
    startDevWorker('test/bench/passthrough-worker/wrangler.jsonc', { MODEL_BASE_URL: fake.url }),
  );
  // Started after the platform, whose start built the assets this one's front serves.
  const [fronted, persisting] = await startBoth(
    startDevWorker('test/bench/passthrough-worker/wrangler.assets.jsonc', { MODEL_BASE_URL: fake.url }),
    // Its GET creates its tables; under the assets front only worker-first paths reach it.
    startDevWorker(
      'test/bench/passthrough-worker/wrangler.persisting.jsonc',
      { MODEL_BASE_URL: fake.url },
      { readyPath: '/healthz' },
    ),
  );
  const streaming = await startDevWorker(
    'test/bench/passthrough-worker/wrangler.streaming.jsonc',
    { MODEL_BASE_URL: fake.url },
    { readyPath: '/healthz' },
  );
  running.push(streaming);
  const trees = {
    platform: processGroupCpu(platform.process.pid),
    worker: processGroupCpu(worker.process.pid),
    fronted: processGroupCpu(fronted.process.pid),
    persisting: processGroupCpu(persisting.process.pid),
    streaming: processGroupCpu(streaming.process.pid),
    model: processGroupCpu(fake.process.pid),
  };

  const admin = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
  const app4 = await publishedApp(admin, chainChatApp(4, `compatible:${model}`));
  const app40 = await publishedApp(admin, chainChatApp(40, `compatible:${model}`));
  const echo4 = await publishedApp(admin, chainChatApp(4, 'local:echo'));

  const runBody = JSON.stringify({ inputs: { query: 'hello' }, stream: true });
  const runOf =
    ({ id, key }: { id: string; key: string }) =>
    () =>
      timeStream(
        `${platform.baseUrl}/v1/apps/${id}/runs`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: runBody,
        },
        runEventDialect,
      );
  const chatInit: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'hello' }] }),
  };
  const viaPlatform = runOf(app4);
  const viaModel = () => timeStream(`${fake.url}/chat/completions`, chatInit, chatCompletionDialect);
  const viaWorker = () => timeStream(worker.baseUrl, chatInit, chatCompletionDialect);
  // Under run_worker_first, as the platform's API paths are.
  const viaFronted = () => timeStream(`${fronted.baseUrl}/v1/chat`, chatInit, chatCompletionDialect);
  const viaPersisting = () => timeStream(`${persisting.baseUrl}/v1/chat`, chatInit, chatCompletionDialect);
  const viaStreaming = () => timeStream(`${streaming.baseUrl}/v1/chat`, chatInit, chatCompletionDialect);

  // Header times come from the same requests as the first tokens.
  const headers = {
    platform: [] as number[],
    worker: [] as number[],
    fronted: [] as number[],
    persisting: [] as number[],
    streaming: [] as number[],
  };
  const firstToken = (sample: StreamSample, into?: number[]) => {
    if (sample.ok) into?.push(sample.headersMs);
    return sample.ok ? sample.firstTokenMs : Number.NaN;
  };
  console.log(`Measuring time to first token: ${rounds} interleaved rounds after ${warmup} warm-up rounds…`);
  const { samples, failures, cpuPerCall } = await interleaveRounds(
    {
      '(a) platform, 4-node app': {
        run: async () => firstToken(await viaPlatform(), headers.platform),
        cpu: trees.platform,
      },
      '(b) model, direct': { run: async () => firstToken(await viaModel()), cpu: trees.model },
      '(c) bare worker (floor)': {
        run: async () => firstToken(await viaWorker(), headers.worker),
        cpu: trees.worker,
      },
      "(d) bare worker, platform's assets front": {
        run: async () => firstToken(await viaFronted(), headers.fronted),
        cpu: trees.fronted,
      },
      '(e) fronted worker, persisting its runs': {
        run: async () => firstToken(await viaPersisting(), headers.persisting),
        cpu: trees.persisting,
      },
      '(f) fronted worker, stream through JS': {
        run: async () => firstToken(await viaStreaming(), headers.streaming),
        cpu: trees.streaming,
      },
      'platform, 40-node app': { run: async () => firstToken(await runOf(app40)()), cpu: trees.platform },
      'platform, 4-node app on local:echo': {
        run: async () => firstToken(await runOf(echo4)()),
        cpu: trees.platform,
      },
      'platform GET /healthz': {
        run: () => timeRoundTrip(`${platform.baseUrl}/healthz`),
        cpu: trees.platform,
      },
      'bare worker GET /': { run: () => timeRoundTrip(worker.baseUrl), cpu: trees.worker },
    },
    { rounds, warmup },
  );
  await pause(1000);

  console.log(
    `Measuring load: ${concurrency} streaming clients, ${loadSeconds} s per target in ${loadSegments} alternating segments…`,
  );
  const targets = ['platform', 'worker', 'fronted', 'persisting', 'streaming'] as const;
  const streams = {
    platform: viaPlatform,
    worker: viaWorker,
    fronted: viaFronted,
    persisting: viaPersisting,
    streaming: viaStreaming,
  };
  const loads = Object.fromEntries(targets.map((target) => [target, [] as LoadResult[]])) as Record<
    (typeof targets)[number],
    LoadResult[]
  >;
  const loadCpu = Object.fromEntries(targets.map((target) => [target, new Map<string, number>()])) as Record<
    (typeof targets)[number],
    Map<string, number>
  >;
  for (let segment = 0; segment < loadSegments; segment += 1) {
    const order = segment % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      await trees[target].refresh();
      const before = await trees[target].snapshot();
      loads[target].push(
        await runLoad({
          concurrency,
          durationMs: (loadSeconds * 1000) / loadSegments,
          stream: streams[target],
        }),
      );
      await pause(500); // the last runs' records are written after their streams end
      for (const [command, ms] of cpuSince(before, await trees[target].snapshot())) {
        loadCpu[target].set(command, (loadCpu[target].get(command) ?? 0) + ms);
      }
    }
  }
  await stopAll();
  const loadAverageAfter = loadavg()[0] ?? 0;

  const outdir = await mkdtemp(join(tmpdir(), 'edgeflow-bench-bundle-'));
  const bundle = await buildWorkerBundle(outdir).finally(() => rm(outdir, { recursive: true, force: true }));

  // ---- report ----
  const stat = (name: string) => summarize(samples[name] ?? []);
  const [a, b, c, d, e, f] = [
    stat('(a) platform, 4-node app'),
    stat('(b) model, direct'),
    stat('(c) bare worker (floor)'),
    stat("(d) bare worker, platform's assets front"),
    stat('(e) fronted worker, persisting its runs'),
    stat('(f) fronted worker, stream through JS'),
  ];
  console.log(
    `\nTime to first token, ${rounds} interleaved rounds (fake model: ${fakeModel.firstTokenMs} ms to the first token)`,
  );
  console.log(
    `  ${pad('', 44)}${'median'.padStart(10)}${'p95'.padStart(10)}${'CPU/req'.padStart(10)}  failed`,
  );
  for (const name of Object.keys(samples)) {
    const { median, p95 } = stat(name);
    console.log(
      `  ${pad(name, 44)}${cell(median)}${cell(p95)}${cell(cpuPerCall[name] ?? Number.NaN)}  ${failures[name] ?? 0}`,
    );
  }
  const overheadMedian = a.median - b.median;
  const overheadP95 = a.p95 - b.p95;
  console.log(
    `  ${pad('platform overhead over the model (a − b)', 44)}${cell(overheadMedian)}${cell(overheadP95)}` +
      `${''.padStart(10)}  targets < 5 ms / < 15 ms: ${verdict(overheadMedian < 5)} / ${verdict(overheadP95 < 15)}`,
  );
  console.log(
    `  ${pad('floor over the model (c − b)', 44)}${cell(c.median - b.median)}${cell(c.p95 - b.p95)}`,
  );
  console.log(
    `  ${pad('platform overhead over the floor (a − c)', 44)}${cell(a.median - c.median)}${cell(a.p95 - c.p95)}` +
      `${''.padStart(10)}  target ≲ 1.5 ms at the median: ${verdict(a.median - c.median <= 1.5)}`,
  );
  console.log(
    `  ${pad('platform overhead over the fronted floor (a − d)', 44)}${cell(a.median - d.median)}${cell(a.p95 - d.p95)}`,
  );
  console.log(
    `  ${pad('platform overhead over the persisting floor (a − e)', 44)}${cell(a.median - e.median)}${cell(a.p95 - e.p95)}` +
      `${''.padStart(10)}  target ≲ 1.5 ms at the median: ${verdict(a.median - e.median <= 1.5)}`,
  );
  console.log(
    `  ${pad('touching the stream in JavaScript (f − d)', 44)}${cell(f.median - d.median)}${cell(f.p95 - d.p95)}`,
  );
  console.log(
    `  ${pad('keeping run records in local D1 (e − f)', 44)}${cell(e.median - f.median)}${cell(e.p95 - f.p95)}`,
  );
  for (const [name, values] of [
    ['response headers, platform (a)', headers.platform],
    ['response headers, bare worker (c)', headers.worker],
    ['response headers, fronted worker (d)', headers.fronted],
    ['response headers, persisting worker (e)', headers.persisting],
    ['response headers, streaming worker (f)', headers.streaming],
  ] as const) {
    const { median, p95 } = summarize(values);
    console.log(`  ${pad(name, 44)}${cell(median)}${cell(p95)}`);
  }
  console.log(
    '  (CPU/req: user + system CPU of the server’s whole process tree — wrangler, its proxy, workerd, local D1 —\n' +
      '   per request, including work left for after the response; the model’s own process for (b).)',
  );

  const platformLoad = combineLoad(loads.platform);
  const workerLoad = combineLoad(loads.worker);
  const frontedLoad = combineLoad(loads.fronted);
  const persistingLoad = combineLoad(loads.persisting);
  const streamingLoad = combineLoad(loads.streaming);
  const rate = (load: LoadResult) => load.succeeded / (load.elapsedMs / 1000);
  console.log(`\n${concurrency} concurrent streaming clients, ${loadSeconds} s per target`);
  console.log(
    `  ${pad('', 24)}${'runs/s'.padStart(8)}${'runs'.padStart(7)}${'TTFT median'.padStart(13)}` +
      `${'TTFT p95'.padStart(11)}${'failed'.padStart(8)}${'CPU/run'.padStart(10)}`,
  );
  for (const [target, name, load] of [
    ['platform', 'platform', platformLoad],
    ['worker', 'bare worker (floor)', workerLoad],
    ['fronted', 'fronted worker (d)', frontedLoad],
    ['persisting', 'persisting worker (e)', persistingLoad],
    ['streaming', 'streaming worker (f)', streamingLoad],
  ] as const) {
    const ttft = summarize(load.firstTokenMs);
    const runs = load.succeeded + load.failed;
    const cpu = runs > 0 && loadCpu[target].size > 0 ? totalCpu(loadCpu[target]) / runs : Number.NaN;
    console.log(
      `  ${pad(name, 24)}${rate(load).toFixed(1).padStart(8)}${String(load.succeeded).padStart(7)}` +
        `${format(ttft.median).padStart(13)}${format(ttft.p95).padStart(11)}${String(load.failed).padStart(8)}${cell(cpu)}`,
    );
    for (const [reason, count] of load.failures) console.log(`      ${count}× ${reason}`);
    const byProcess = [...loadCpu[target]]
      .filter(([, ms]) => runs > 0 && ms / runs >= 0.05)
      .sort((x, y) => y[1] - x[1])
      .map(([command, ms]) => `${command.slice(0, 40)} ${(ms / runs).toFixed(2)} ms`);
    if (byProcess.length > 0) console.log(`      CPU/run by process: ${byProcess.join(', ')}`);
  }
  for (const [name, floor] of [
    ['floor (c)', workerLoad],
    ['fronted floor (d)', frontedLoad],
    ['persisting floor (e)', persistingLoad],
    ['streaming floor (f)', streamingLoad],
  ] as const) {
    const rateRatio = rate(platformLoad) / rate(floor);
    const [mine, theirs] = [summarize(platformLoad.firstTokenMs), summarize(floor.firstTokenMs)];
    const p95Ratio = mine.p95 / theirs.p95;
    console.log(
      `  platform / ${name}: runs/s ${rateRatio.toFixed(2)}× (target ≥ 0.8: ${verdict(rateRatio >= 0.8)}), ` +
        `TTFT median ${(mine.median / theirs.median).toFixed(2)}×, ` +
        `p95 ${p95Ratio.toFixed(2)}× (target ≤ 1.2: ${verdict(p95Ratio <= 1.2)})`,
    );
  }
  console.log(`  failed runs ${platformLoad.failed} (target 0: ${verdict(platformLoad.failed === 0)})`);

  console.log('\nD1 round trips per run (4-node and 40-node apps)');
  console.log(
    '  not observable from outside the worker (the runtime exposes no counter or debug header), so not\n' +
      '  measured here: apps/runtime/test/round-trips.test.ts counts them in workerd with a counting D1 binding\n' +
      '  (2 per run for 4 and for 40 nodes: the start batch, not awaited, and the end batch, in waitUntil;\n' +
      '  fewer under load, when runs in flight together share batches: apps/runtime/src/run/write-queue.ts).',
  );

  console.log('\nWorker bundle (wrangler deploy --dry-run)');
  if (bundle.exitCode !== 0) console.log(`  the build failed:\n${bundle.output.slice(-2000)}`);
  for (const module of bundle.modules) {
    console.log(`  ${module.file}: ${formatBytes(module.bytes)}, gzip ${formatBytes(module.gzipBytes)}`);
  }
  const wranglerSize = /Total Upload: ([^\n]+)/.exec(bundle.output)?.[1];
  if (wranglerSize) console.log(`  wrangler's upload size: ${wranglerSize.trim()}`);
  console.log(
    `\nMachine: ${availableParallelism()} CPUs, 1-minute load average ${loadAverageBefore.toFixed(1)} before and ` +
      `${loadAverageAfter.toFixed(1)} after; wrangler dev local tracing ${process.env.X_LOCAL_OBSERVABILITY === 'true' ? 'on' : 'off'}.` +
      ' Compare the platform with the floor of the same run, not with other runs.',
  );
}

try {
  await main();
} finally {
  await stopAll();
}
