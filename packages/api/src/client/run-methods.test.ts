import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runEvents } from '../../test/examples.ts';
import { type Handler, sendJson, sleep, startServer, type TestServer } from '../../test/http-server.ts';
import {
  createClient,
  EdgeflowApiError,
  formatServerSentEvent,
  pingComment,
  type RunEvent,
  type RunRequest,
  runEventSchema,
  runRequestSchema,
} from '../index.ts';

const events: RunEvent[] = runEvents.map((event) => runEventSchema.parse(event));
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: Handler) {
  server = await startServer(handler);
  return { client: createClient({ baseUrl: server.baseUrl, key: 'ef_sk_test' }), server };
}

function startStream(response: ServerResponse): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  response.flushHeaders();
}

/** Writes `text` as UTF-8 in pieces of `size` bytes, so characters are split between writes. */
async function writeInPieces(response: ServerResponse, text: string, size: number): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += size) {
    response.write(bytes.subarray(start, start + size));
    await sleep(1);
  }
}

describe('run', () => {
  it('streams typed events as they happen, across pauses, pings and split characters', async () => {
    let firstEventSeen = () => {};
    const gate = new Promise<void>((resolve) => {
      firstEventSeen = resolve;
    });
    const { client, server } = await clientFor(async (_request, response) => {
      startStream(response);
      const [first, ...rest] = events;
      if (first === undefined) throw new Error('no events');
      response.write(formatServerSentEvent(first));
      // Nothing more is sent until the client has the first event: a buffering client would hang here.
      await gate;
      for (const event of rest) {
        await sleep(20);
        response.write(pingComment);
        await writeInPieces(response, formatServerSentEvent(event), 5);
      }
      response.end();
    });
    const seen: RunEvent[] = [];
    for await (const event of client.run('app_1', { inputs: { query: '你好' } })) {
      seen.push(event);
      if (event.type === 'run-start') firstEventSeen();
      if (event.type === 'text-delta') expect(typeof event.delta).toBe('string');
    }
    expect(seen).toEqual(events);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/apps/app_1/runs');
    expect(request?.headers.accept).toBe('text/event-stream');
    expect(request?.headers.authorization).toBe('Bearer ef_sk_test');
    expect(JSON.parse(request?.body ?? '')).toEqual({ inputs: { query: '你好' } });
  });

  it('sends the body as given; rejecting a graph is the server’s schema’s job', async () => {
    const { client, server } = await clientFor((_request, response) => {
      sendJson(response, 400, {
        error: { code: 'invalid_request', message: 'Unrecognized key: "graph"', details: {} },
      });
    });
    const body = { inputs: {}, graph: { nodes: [] } } as unknown as RunRequest;
    await expect(client.runSync('app_1', body)).rejects.toMatchObject({
      status: 400,
      code: 'invalid_request',
    });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      inputs: {},
      graph: { nodes: [] },
      stream: false,
    });
    expect(runRequestSchema.safeParse(JSON.parse(server.requests[0]?.body ?? '')).success).toBe(false);
  });

  it('answers JSON with stream: false, through run and runSync', async () => {
    const result = {
      runId: 'run_1',
      status: 'succeeded',
      outputs: { answer: 'Hi' },
      usage: { inputTokens: 1, outputTokens: 2 },
      elapsedMs: 3,
    };
    const { client, server } = await clientFor((_request, response) => sendJson(response, 200, result));
    expect(await client.run('app_1', { inputs: { query: 'Hi' }, stream: false })).toEqual(result);
    expect(await client.runSync('app_1', { inputs: { query: 'Hi' } })).toEqual(result);
    expect(server.requests.map((request) => JSON.parse(request.body))).toEqual([
      { inputs: { query: 'Hi' }, stream: false },
      { inputs: { query: 'Hi' }, stream: false },
    ]);
  });

  it('runs the draft on the management route', async () => {
    const { client, server } = await clientFor((_request, response) => {
      startStream(response);
      response.end(events.map(formatServerSentEvent).join(''));
    });
    const seen: RunEvent[] = [];
    for await (const event of client.runDraft('app_1', { inputs: { query: 'Hi' } })) seen.push(event);
    expect(seen).toHaveLength(events.length);
    expect(server.requests[0]?.url).toBe('/api/apps/app_1/draft/runs');
  });

  it('hangs up when the caller stops reading or aborts', async () => {
    const { client, server } = await clientFor(async (_request, response) => {
      startStream(response);
      for (let seq = 1; !response.destroyed && seq < 1_000; seq += 1) {
        const event = { type: 'node-start', runId: 'run_1', seq, nodeId: 'n', nodeType: 'llm' } as const;
        response.write(formatServerSentEvent(event));
        await sleep(5);
      }
      response.end();
    });
    for await (const event of client.run('app_1')) {
      if (event.seq === 2) break;
    }
    await server.requests[0]?.closed;

    const controller = new AbortController();
    const reading = (async () => {
      for await (const event of client.run('app_1', {}, { signal: controller.signal })) {
        if (event.seq === 2) controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await server.requests[1]?.closed;
  });

  it('throws incomplete_stream when the server drops the run before run-end', async () => {
    const { client } = await clientFor((_request, response) => {
      startStream(response);
      response.end(events.slice(0, 2).map(formatServerSentEvent).join(''));
    });
    const reading = (async () => {
      for await (const _event of client.run('app_1')) {
        // Reading to the end is the point.
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'EventStreamError', code: 'incomplete_stream' });
  });
});

describe('errors', () => {
  it('carry status, code, message and details of the error shape', async () => {
    const details = {
      diagnostics: [{ severity: 'error', code: 'missing_answer', message: 'No answer node.' }],
    };
    const { client } = await clientFor((_request, response) => {
      sendJson(response, 422, {
        error: { code: 'invalid_graph', message: 'The draft does not compile.', details },
      });
    });
    const error = await client.publish('app_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EdgeflowApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'invalid_graph',
      message: 'The draft does not compile.',
      details,
    });
  });

  it('are thrown by the first step of a stream, with Retry-After', async () => {
    const { client } = await clientFor((_request, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      response.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.', details: {} } }));
    });
    const stream = client.run('app_1', { inputs: { query: 'Hi' } });
    await expect(stream.next()).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: 7,
    });
  });

  it('get a code from the status when the body is not JSON', async () => {
    const { client } = await clientFor((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad gateway</body></html>');
    });
    await expect(client.getApp('app_1')).rejects.toMatchObject({
      status: 502,
      code: 'provider_error',
      details: { body: '<html><body>Bad gateway</body></html>' },
    });
  });

  it('get http_<status> for a status without a code, and a JSON body that is not the error shape', async () => {
    const { client } = await clientFor((_request, response) =>
      sendJson(response, 418, { message: 'teapot' }),
    );
    await expect(client.getHealth()).rejects.toMatchObject({ status: 418, code: 'http_418' });
  });

  it('say invalid_response when a 2xx answer breaks the contract', async () => {
    const answers = [
      { type: 'application/json', body: '{"ok": false}' },
      { type: 'application/json', body: 'not json' },
      { type: 'application/json', body: '{"runs": []}' },
    ];
    let index = 0;
    const { client } = await clientFor((_request, response) => {
      const answer = answers[index++] ?? { type: 'text/plain', body: '' };
      response.writeHead(200, { 'content-type': answer.type });
      response.end(answer.body);
    });
    await expect(client.getHealth()).rejects.toMatchObject({ status: 200, code: 'invalid_response' });
    await expect(client.getHealth()).rejects.toMatchObject({ code: 'invalid_response' });
    await expect(client.listRuns('app_1')).rejects.toMatchObject({
      code: 'invalid_response',
      details: { issues: [{ path: '/nextCursor' }] },
    });
    const stream = client.run('app_1');
    await expect(stream.next()).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('chat completions', () => {
  it('streams chunks up to [DONE]', async () => {
    const chunk = (content: string) => ({
      id: 'run_1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'app_1',
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    });
    const { client, server } = await clientFor((_request, response) => {
      startStream(response);
      response.end(
        `data: ${JSON.stringify(chunk('你'))}\n\ndata: ${JSON.stringify(chunk('好'))}\n\ndata: [DONE]\n\n`,
      );
    });
    let text = '';
    for await (const part of client.streamChatCompletion({
      model: 'app_1',
      messages: [{ role: 'user', content: 'Hi' }],
    })) {
      text += part.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('你好');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ stream: true, model: 'app_1' });
  });
});
