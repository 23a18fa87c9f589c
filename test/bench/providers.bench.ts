/**
 * What one streamed plain-chat call costs the caller's CPU, by path, against the fake model in its own
 * process (so only the client's work is counted): the floor is a bare `fetch` that reads the same SSE
 * body to its end; then `compatible:` plain chat on our own Chat Completions reader
 * (src/chat-completions-stream.ts) and the same call through the AI SDK's `streamText` (what
 * `openai:` and tool or structured calls still use). Interleaved call by call; CPU (user + system of this
 * process) per call, median and p95, and each path's ratio to the floor.
 * Usage: npx tsx test/bench/providers.bench.ts   (ROUNDS, WARMUP to change)
 */
import { cpuUsage } from 'node:process';
import { createModelPort } from '../../packages/providers/src/index.ts';
import { startFakeModelProcess } from '../support/fake-model-process.ts';
import { format, summarize } from './stats.ts';

const rounds = Number(process.env.ROUNDS ?? 300);
const warmup = Number(process.env.WARMUP ?? 30);
const model = 'bench-chat';

const { url: baseUrl, process: server } = await startFakeModelProcess({ tokens: 20 });
try {
  const environment = { OPENAI_COMPATIBLE_BASE_URL: baseUrl, OPENAI_COMPATIBLE_MODELS: model };
  const lean = createModelPort(environment);
  // The same provider with our reader switched off: `openai:` takes the SDK path for plain chat.
  const sdk = createModelPort({ OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: baseUrl });
  const request = (id: string) => ({ model: id, messages: [{ role: 'user' as const, content: 'hello' }] });
  const drain = async (port: ReturnType<typeof createModelPort>, id: string) => {
    let text = '';
    for await (const part of port.stream(request(id), new AbortController().signal)) {
      if (part.type === 'text-delta') text += part.delta;
    }
    if (text === '') throw new Error(`${id} answered nothing`);
  };
  const cases: Record<string, () => Promise<void>> = {
    'bare fetch, body read to the end (floor)': async () => {
      const response = await fetch(`${baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'hello' }] }),
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      while (!(await reader.read()).done) {
        // read to the end
      }
    },
    'compatible: plain chat, own reader': () => drain(lean, `compatible:${model}`),
    'openai: plain chat, AI SDK streamText': () => drain(sdk, `openai:${model}`),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < warmup + rounds; round += 1) {
    for (const [name, call] of Object.entries(cases)) {
      const before = cpuUsage();
      await call();
      const used = cpuUsage(before);
      if (round >= warmup) samples[name]?.push((used.user + used.system) / 1000);
    }
  }
  const floor = summarize(samples['bare fetch, body read to the end (floor)'] ?? []);
  console.log(`CPU per streamed call (20 tokens), ${rounds} interleaved rounds after ${warmup} warm-up`);
  console.log(`  ${''.padEnd(42)}${'median'.padStart(10)}${'p95'.padStart(10)}  ratio to floor (median)`);
  for (const [name, values] of Object.entries(samples)) {
    const { median, p95 } = summarize(values);
    console.log(
      `  ${name.padEnd(42)}${format(median).padStart(10)}${format(p95).padStart(10)}  ${(median / floor.median).toFixed(2)}×`,
    );
  }
} finally {
  await server.stop();
}
