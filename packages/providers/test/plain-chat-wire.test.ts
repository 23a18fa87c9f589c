/**
 * Plain chat on `compatible:` and `alibaba:` is read straight off the wire (src/chat-completions-stream.ts).
 * The shared provider suites cover the ordinary answers; these are the shapes of stream the fake model
 * server does not produce: split chunks, reasoning text, an error in the stream, a clean close without a
 * finish, garbage. Each is served by a real HTTP server on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createModelPort } from '../src/index.ts';
import { collectStream } from './collect-stream.ts';

let server: Server;
let baseUrl: string;
/** What the next request gets: raw body pieces, written with a pause between them. */
let script: readonly string[] = [];
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    request.resume();
    request.on('end', async () => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of script) {
        response.write(piece);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const chunk = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;
const delta = (content: string) => chunk({ choices: [{ index: 0, delta: { content } }] });
const finish = chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
const usage = chunk({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 3 } });

async function ask(pieces: readonly string[]) {
  script = pieces;
  requests = 0;
  const port = createModelPort(
    { OPENAI_COMPATIBLE_BASE_URL: baseUrl, OPENAI_COMPATIBLE_MODELS: 'wire' },
    { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
  );
  return collectStream(
    port.stream(
      { model: 'compatible:wire', messages: [{ role: 'user', content: 'Hi' }] },
      new AbortController().signal,
    ),
  );
}

it('joins events split across network chunks, ignores reasoning text, and reports usage', async () => {
  const event = delta('你好');
  const result = await ask([
    chunk({ choices: [{ index: 0, delta: { reasoning_content: 'thinking…' } }] }),
    event.slice(0, 9),
    event.slice(9),
    `${delta(', world')}${finish}`,
    usage,
    'data: [DONE]\n\n',
  ]);
  expect(result.error).toBeUndefined();
  expect(result.text).toBe('你好, world');
  expect(result.finish).toEqual({ finishReason: 'stop', usage: { inputTokens: 7, outputTokens: 3 } });
});

it('fails with model_error naming the model when the provider reports an error in the stream', async () => {
  const result = await ask([chunk({ error: { message: 'overloaded, try later' } })]);
  expect(result.error?.code).toBe('model_error');
  expect(result.error?.message).toContain('compatible:wire');
  expect(result.error?.message).toContain('overloaded, try later');
});

it('treats a stream that closes without finishing as cut off: retried, then model_unavailable', async () => {
  const result = await ask([]);
  expect(result.error?.code).toBe('model_unavailable');
  expect(requests).toBe(2);
});

it('does not retry once text has been delivered, and says the answer broke off', async () => {
  const result = await ask([delta('partial')]);
  expect(result.deltas).toEqual(['partial']);
  expect(result.error?.code).toBe('model_stream_interrupted');
  expect(requests).toBe(1);
});

it('refuses a chunk that is not JSON', async () => {
  const result = await ask(['data: {not json\n\n']);
  expect(result.error?.code).toBe('model_error');
  expect(result.error?.message).toMatch(/not JSON/);
});
