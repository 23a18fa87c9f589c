/**
 * What the tools issue's nodes cost, measured through the platform as `npm start` runs it (wrangler dev,
 * 127.0.0.1), each against a floor measured in the same run, round by round (runtime-rounds.ts):
 * (a) a trivial code node: COLD is the first code run after the platform started (a fresh isolate: the
 *     QuickJS WebAssembly instance is made and warmed on first use), measured on COLD_STARTS fresh
 *     platforms; WARM is every later run. Floor: the same app without the code node.
 * (b) the guarded egress: a run with one http request to a local tool server, against the same run
 *     without the node: the node's cost. Its floor is the same kind of request made with a plain `fetch`
 *     from a bare worker under the same wrangler dev (test/bench/passthrough-worker, pointed at the tool
 *     server): the bare worker forwarding one request, minus the bare worker answering alone. What the
 *     guard and the node add is the difference of the two differences; the same request straight from
 *     Node and the node's own elapsedMs (measured inside the worker) are printed too.
 * (c) an agent run that makes three tool calls (four model turns against the fake model, each
 *     MODEL_LATENCY_MS to its first token) against the sum of the same external calls made from Node
 *     one after another: four streamed chat completions and three tool GETs.
 * The fake model and the tool server run in this process (the agent's turns are scripted per run).
 * Usage: npm run bench:tools   (ROUNDS, WARMUP, COLD_STARTS, MODEL_LATENCY_MS to change)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@edgeflow/api';
import { createFakeModelServer, type FakeModelBehaviour } from '../fake-model/index.ts';
import { startPlatform } from '../support/platform.ts';
import { startDevWorker } from '../support/wrangler-dev.ts';
import { setting, trackServers } from './bench-setup.ts';
import { interleaveRounds } from './runtime-rounds.ts';
import { timeRoundTrip } from './runtime-streams.ts';
import { format, summarize } from './stats.ts';
import { agentApp, codeApp, floorApp, httpApp } from './tools-documents.ts';
import { AfterWarmup, timeRun } from './tools-runs.ts';

const rounds = setting('ROUNDS', 60);
const warmup = setting('WARMUP', 8);
const coldStarts = setting('COLD_STARTS', 3);
const modelLatencyMs = setting('MODEL_LATENCY_MS', 20);
const model = 'bench-agent';

const { running, stopAll } = trackServers();

/** The tool the http node and the agent call: answers a small JSON body at once. */
async function startToolServer() {
  const server = createServer((request, response) => {
    const q = new URL(request.url ?? '/', 'http://tool').searchParams.get('q') ?? '';
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ q, answer: `about ${q}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Four turns: three that each call `lookup` once, then an answer. */
const agentTurns = (): FakeModelBehaviour[] => [
  ...['one', 'two', 'three'].map((q) => ({
    toolCalls: [{ name: 'lookup', arguments: { q } }],
    repeatToolCalls: true,
    firstTokenLatencyMs: modelLatencyMs,
  })),
  { text: 'Three lookups done.', firstTokenLatencyMs: modelLatencyMs },
];

const lookupTool = {
  type: 'function',
  function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
};

type Admin = ReturnType<typeof createClient>;
async function publishedApp(admin: Admin, document: { name: string } & Record<string, unknown>) {
  const app = await admin.createApp({ name: document.name, graph: document as never });
  await admin.publish(app.id, { note: 'benchmark' });
  const { key } = await admin.createKey(app.id, { kind: 'secret', name: 'benchmark' });
  return { id: app.id, key };
}

const line = (label: string, samples: readonly number[]) => {
  const { median, p95, n } = summarize(samples);
  return `  ${label.padEnd(46)} median ${format(median).padStart(10)}   p95 ${format(p95).padStart(10)}   n=${n}`;
};
const ratio = (top: readonly number[], bottom: readonly number[]) =>
  (summarize(top).median / summarize(bottom).median).toFixed(2);

async function startWithApps(settings: Record<string, string>) {
  const platform = await startPlatform({ settings });
  running.push(platform);
  const admin = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
  return { platform, admin };
}

/** The first code run on a fresh platform (after a few runs without code), then the second. */
async function coldSample(
  baseUrl: string,
  code: { id: string; key: string },
  floor: { id: string; key: string },
) {
  for (let index = 0; index < 3; index += 1) await timeRun(baseUrl, floor, 'warm the isolate');
  const first = await timeRun(baseUrl, code, 'cold');
  const second = await timeRun(baseUrl, code, 'warm');
  if (Number.isNaN(first.totalMs) || Number.isNaN(second.totalMs))
    throw new Error(`a cold code run failed: ${first.failure ?? second.failure}`);
  return { first, second };
}

async function main() {
  console.log(
    `Tools benchmark (Node ${process.version}): starting the fake model, a tool server and the platform…`,
  );
  const fake = await createFakeModelServer({ models: [model] });
  running.push({ stop: () => fake.close() });
  const tool = await startToolServer();
  running.push(tool);
  const settings = {
    OPENAI_COMPATIBLE_BASE_URL: fake.url,
    OPENAI_COMPATIBLE_MODELS: model,
    // The tool server is on 127.0.0.1, as in the tests.
    EGRESS_ALLOW_PRIVATE: 'true',
  };
  const { platform, admin } = await startWithApps(settings);
  // POSTs its body to MODEL_BASE_URL/chat/completions with a plain fetch; the tool server answers any path.
  const bare = await startDevWorker('test/bench/passthrough-worker/wrangler.jsonc', {
    MODEL_BASE_URL: tool.url,
  });
  running.push(bare);
  const base = platform.baseUrl;
  const floor = await publishedApp(admin, floorApp());
  const code = await publishedApp(admin, codeApp());
  const http = await publishedApp(admin, httpApp(tool.url));
  const agent = await publishedApp(admin, agentApp(`compatible:${model}`, tool.url));

  const colds = [await coldSample(base, code, floor)];

  const codeSteps = new AfterWarmup(warmup);
  const httpSteps = new AfterWarmup(warmup);
  const agentSteps = new AfterWarmup(warmup);
  const run = (app: { id: string; key: string }, steps?: AfterWarmup, node?: string) => async () => {
    const sample = await timeRun(base, app, 'word');
    if (Number.isNaN(sample.totalMs)) console.error(`  a run failed: ${sample.failure}`);
    steps?.add(node === undefined ? undefined : sample.steps[node]);
    return sample.totalMs;
  };
  const externalCalls = async () => {
    fake.enqueue(model, ...agentTurns());
    let total = 0;
    for (let turn = 0; turn < 4; turn += 1) {
      total += await timeRoundTrip(`${fake.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model,
          stream: true,
          messages: [{ role: 'user', content: 'word' }],
          tools: [lookupTool],
        }),
      });
      if (turn < 3) total += await timeRoundTrip(`${tool.url}/lookup?q=${turn}`);
    }
    return total;
  };
  const agentRun = run(agent, agentSteps, 'agent');

  console.log(`Measuring ${rounds} rounds after ${warmup} warm-up rounds, cases interleaved…`);
  const { samples, failures } = await interleaveRounds(
    {
      floor: { run: run(floor) },
      code: { run: run(code, codeSteps, 'code') },
      http: { run: run(http, httpSteps, 'call') },
      plain: { run: () => timeRoundTrip(`${tool.url}/lookup?q=word`) },
      bareFetch: { run: () => timeRoundTrip(bare.baseUrl, { method: 'POST', body: '{"q":"word"}' }) },
      bareAlone: { run: () => timeRoundTrip(bare.baseUrl) },
      agent: {
        run: async () => {
          fake.enqueue(model, ...agentTurns());
          return agentRun();
        },
      },
      external: { run: externalCalls },
    },
    { rounds, warmup },
  );
  await platform.stop();
  running.splice(running.indexOf(platform), 1);

  for (let start = 1; start < coldStarts; start += 1) {
    console.log(`Cold start ${start + 1} of ${coldStarts}: a fresh platform…`);
    const fresh = await startWithApps(settings);
    const freshFloor = await publishedApp(fresh.admin, floorApp());
    const freshCode = await publishedApp(fresh.admin, codeApp());
    colds.push(await coldSample(fresh.platform.baseUrl, freshCode, freshFloor));
    await fresh.platform.stop();
    running.splice(running.indexOf(fresh.platform), 1);
  }

  const get = (name: string) => samples[name] ?? [];
  const difference = (top: readonly number[], bottom: readonly number[]) =>
    format(summarize(top).median - summarize(bottom).median);
  console.log(
    '\n(a) A trivial code node (function main(inputs) { return { result: inputs.text.toUpperCase() } })',
  );
  console.log(
    `  cold, first code run on ${colds.length} fresh platforms (whole run / code node inside the worker):`,
  );
  for (const [index, cold] of colds.entries()) {
    console.log(
      `    #${index + 1}: ${format(cold.first.totalMs)} / ${format(cold.first.steps.code ?? Number.NaN)}   then the second run: ${format(cold.second.totalMs)} / ${format(cold.second.steps.code ?? Number.NaN)}`,
    );
  }
  console.log(
    line(
      'cold code node (inside the worker)',
      colds.map((cold) => cold.first.steps.code ?? Number.NaN),
    ),
  );
  console.log(line('warm code node (inside the worker)', codeSteps.values));
  console.log(line('run with the code node', get('code')));
  console.log(line('floor: the same run without it', get('floor')));
  console.log(
    `  warm code run − floor: ${difference(get('code'), get('floor'))} at the median (×${ratio(get('code'), get('floor'))})`,
  );

  console.log('\n(b) The guarded egress: one http GET to a tool server on 127.0.0.1');
  console.log(line('run with the http node', get('http')));
  console.log(line('floor: the same run without it', get('floor')));
  console.log(line('http node (inside the worker)', httpSteps.values));
  console.log(line('bare worker forwarding the request (plain fetch)', get('bareFetch')));
  console.log(line('bare worker answering alone', get('bareAlone')));
  console.log(line('the request straight from Node', get('plain')));
  const median = (name: string) => summarize(get(name)).median;
  const nodeCost = median('http') - median('floor');
  const plainCost = median('bareFetch') - median('bareAlone');
  console.log(
    `  one request: ${format(nodeCost)} through the http node and the guard, ${format(plainCost)} with a plain fetch in a bare worker: the guard and the node add ${format(nodeCost - plainCost)} (×${(nodeCost / plainCost).toFixed(2)})`,
  );

  console.log(
    `\n(c) An agent run with three tool calls (four model turns, ${modelLatencyMs} ms to each first token)`,
  );
  console.log(line('agent run', get('agent')));
  console.log(line('agent node (inside the worker)', agentSteps.values));
  console.log(line('sum of its external calls, made from Node', get('external')));
  console.log(
    `  agent run − external calls: ${difference(get('agent'), get('external'))} at the median (×${ratio(get('agent'), get('external'))}); per external call: ${format((summarize(get('agent')).median - summarize(get('external')).median) / 7)}`,
  );
  const failed = Object.entries(failures).filter(([, count]) => count > 0);
  if (failed.length > 0)
    console.log(`\nFailures: ${failed.map(([name, count]) => `${name} ${count}`).join(', ')}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
