/**
 * What the OpenAI-compatible layer adds: time to first token of the same published chat app (start →
 * template → llm → answer, 4 nodes) through POST /v1/chat/completions (stream: true) and through
 * POST /v1/apps/{id}/runs, interleaved round by round against one platform (`npm start`) and the fake
 * model (its CLI: 50 ms to the first token, 5 tokens). Target: the OpenAI layer adds < 2 ms at the median.
 * Usage: npm run bench:openai   (ROUNDS, WARMUP to change)
 */
import { createClient } from '@edgeflow/api';
import { startFakeModelProcess } from '../support/fake-model-process.ts';
import { startPlatform } from '../support/platform.ts';
import { setting, trackServers } from './bench-setup.ts';
import { chainChatApp } from './runtime-documents.ts';
import { interleaveRounds } from './runtime-rounds.ts';
import { chatCompletionDialect, runEventDialect, type StreamSample, timeStream } from './runtime-streams.ts';
import { format, summarize } from './stats.ts';

const rounds = setting('ROUNDS', 100);
const warmup = setting('WARMUP', 10);
const model = 'bench-chat';
const targetMs = 2;

const { running, stopAll } = trackServers();

const signed = (milliseconds: number) =>
  milliseconds < 0 ? `−${format(-milliseconds)}` : format(milliseconds);
const cell = (milliseconds: number) => (Number.isNaN(milliseconds) ? '–' : signed(milliseconds)).padStart(10);

async function main() {
  console.log(`OpenAI layer benchmark (Node ${process.version}): starting the fake model and the platform…`);
  const fake = await startFakeModelProcess({ firstTokenMs: 50, tokenDelayMs: 5, tokens: 5 });
  running.push(fake.process);
  const fakeUrl = fake.url;
  const platform = await startPlatform({
    settings: { OPENAI_COMPATIBLE_BASE_URL: fakeUrl, OPENAI_COMPATIBLE_MODELS: model },
  });
  running.push(platform);

  const admin = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
  const document = chainChatApp(4, `compatible:${model}`);
  const app = await admin.createApp({ name: document.name, graph: document });
  await admin.publish(app.id, { note: 'benchmark' });
  const { key } = await admin.createKey(app.id, { kind: 'secret', name: 'benchmark' });
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

  const runsInit: RequestInit = {
    method: 'POST',
    headers,
    body: JSON.stringify({ inputs: { query: 'hello' }, stream: true }),
  };
  const completionsInit: RequestInit = {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: app.id, stream: true, messages: [{ role: 'user', content: 'hello' }] }),
  };
  const firstToken = (sample: StreamSample) => (sample.ok ? sample.firstTokenMs : Number.NaN);
  const names = { runs: 'POST /v1/apps/{id}/runs', completions: 'POST /v1/chat/completions' } as const;

  console.log(`Measuring time to first token: ${rounds} interleaved rounds after ${warmup} warm-up rounds…`);
  const { samples, failures } = await interleaveRounds(
    {
      [names.runs]: {
        run: async () =>
          firstToken(
            await timeStream(`${platform.baseUrl}/v1/apps/${app.id}/runs`, runsInit, runEventDialect),
          ),
      },
      [names.completions]: {
        run: async () =>
          firstToken(
            await timeStream(
              `${platform.baseUrl}/v1/chat/completions`,
              completionsInit,
              chatCompletionDialect,
            ),
          ),
      },
    },
    { rounds, warmup },
  );
  await stopAll();

  const runs = summarize(samples[names.runs] ?? []);
  const completions = summarize(samples[names.completions] ?? []);
  console.log(
    `\nTime to first token, same 4-node chat app, ${rounds} interleaved rounds (fake model: 50 ms to the first token)`,
  );
  console.log(`  ${''.padEnd(34)}${'median'.padStart(10)}${'p95'.padStart(10)}  failed`);
  for (const [name, stat] of [
    [names.runs, runs],
    [names.completions, completions],
  ] as const) {
    console.log(`  ${name.padEnd(34)}${cell(stat.median)}${cell(stat.p95)}  ${failures[name] ?? 0}`);
  }
  const medianDifference = completions.median - runs.median;
  const p95Difference = completions.p95 - runs.p95;
  console.log(
    `  ${'difference (OpenAI − runs)'.padEnd(34)}${cell(medianDifference)}${cell(p95Difference)}` +
      `  target < ${targetMs} ms at the median: ${medianDifference < targetMs ? 'within' : 'OVER'}`,
  );
  // Rounds pair the two calls under the same machine noise; the median of the per-round differences
  // is the steadier number on a busy machine.
  const [openAiSamples, runSamples] = [samples[names.completions] ?? [], samples[names.runs] ?? []];
  // Only when no round failed are the two lists aligned round by round.
  const paired =
    openAiSamples.length === runSamples.length
      ? openAiSamples.map((value, index) => value - (runSamples[index] ?? Number.NaN))
      : [];
  const pairedStat = summarize(paired);
  console.log(
    `  ${'per-round difference'.padEnd(34)}${cell(pairedStat.median)}${cell(pairedStat.p95)}  (n = ${pairedStat.n})`,
  );
  const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
  if (failed > 0 || medianDifference >= targetMs) process.exitCode = 1;
}

try {
  await main();
} finally {
  await stopAll();
}
