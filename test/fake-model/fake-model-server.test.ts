import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from './index.ts';

let server: FakeModelServer;
beforeAll(async () => {
  server = await createFakeModelServer({ models: ['listed-model'] });
});
beforeEach(() => server.reset());
afterAll(() => server.close());

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const userMessage = (content: string) => ({ role: 'user', content });

describe('fake model server over plain fetch', () => {
  it('listens on 127.0.0.1 with an OS-picked port and a /v1 base URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
  });

  it('answers a non-streaming chat completion in the OpenAI shape, quoting the last user message', async () => {
    const response = await post('/chat/completions', {
      model: 'fake-model',
      messages: [userMessage('first turn'), { role: 'assistant', content: 'ok' }, userMessage('second turn')],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toBe('req_fake_1');
    const body = await response.json();
    expect(body).toMatchObject({
      id: 'chatcmpl-fake-1',
      object: 'chat.completion',
      model: 'fake-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Fake reply to: second turn' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
    });
    expect(body.created).toBeCloseTo(Date.now() / 1000, -1);
    expect(body.choices[0].message).not.toHaveProperty('tool_calls');
  });

  it('reads text out of content parts', async () => {
    const response = await post('/chat/completions', {
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'from ' },
            { type: 'text', text: 'parts' },
          ],
        },
      ],
    });
    expect((await response.json()).choices[0].message.content).toBe('Fake reply to: from parts');
  });

  it('replies with scripted text, tokens and usage per model, and the "*" script for the rest', async () => {
    server.script('scripted', {
      text: 'Scripted answer',
      usage: { prompt_tokens: 11, completion_tokens: 22 },
    });
    server.script('*', { tokens: ['A', 'B'] });
    const scripted = await (await post('/chat/completions', { model: 'scripted', messages: [] })).json();
    expect(scripted.choices[0].message.content).toBe('Scripted answer');
    expect(scripted.usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 22, total_tokens: 33 });
    const other = await (await post('/chat/completions', { model: 'other', messages: [] })).json();
    expect(other.choices[0].message.content).toBe('AB');
  });

  it('cuts the reply at max_tokens with finish_reason length', async () => {
    server.script('m', { text: 'one two three four' });
    const body = await (await post('/chat/completions', { model: 'm', messages: [], max_tokens: 2 })).json();
    expect(body.choices[0]).toMatchObject({ message: { content: 'one two' }, finish_reason: 'length' });
  });

  it('serves a queued 429 with Retry-After first, then the scripted reply', async () => {
    server.script('busy', { text: 'finally' });
    server.enqueue('busy', { status: 429, retryAfterSeconds: 2 });
    const limited = await post('/chat/completions', { model: 'busy', messages: [] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({
      error: {
        message: 'Rate limit reached (scripted).',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
    const next = await post('/chat/completions', { model: 'busy', messages: [] });
    expect(next.status).toBe(200);
    expect((await next.json()).choices[0].message.content).toBe('finally');
  });

  it('answers a scripted 500 with a server_error body, and a scripted error body verbatim', async () => {
    server.enqueue('broken', { status: 500 }, { status: 503, errorBody: 'upstream down' });
    const failed = await post('/chat/completions', { model: 'broken', messages: [] });
    expect(failed.status).toBe(500);
    expect((await failed.json()).error.type).toBe('server_error');
    const custom = await post('/chat/completions', { model: 'broken', messages: [] });
    expect(custom.status).toBe(503);
    expect(await custom.text()).toBe('upstream down');
  });

  it('takes a model queue before the "*" queue, and both before scripts', async () => {
    server.script('m', { text: 'script' });
    server.enqueue('*', { text: 'any queue' });
    server.enqueue('m', { text: 'own queue' });
    const replies: string[] = [];
    for (let turn = 0; turn < 3; turn += 1) {
      const body = await (await post('/chat/completions', { model: 'm', messages: [] })).json();
      replies.push(body.choices[0].message.content);
    }
    expect(replies).toEqual(['own queue', 'any queue', 'script']);
  });

  it('lists the default, configured and scripted models', async () => {
    server.script('scripted-model', {});
    server.enqueue('queued-model', {});
    const response = await fetch(`${server.url}/models`);
    const body = await response.json();
    expect(body.object).toBe('list');
    expect(body.data.map((model: { id: string }) => model.id)).toEqual([
      'fake-model',
      'fake-embedding-model',
      'listed-model',
      'scripted-model',
      'queued-model',
    ]);
    expect(body.data[0]).toEqual({
      id: 'fake-model',
      object: 'model',
      created: 1_700_000_000,
      owned_by: 'edgeflow-fake',
    });
    expect(await (await fetch(`${server.url}/models/any-name`)).json()).toMatchObject({ id: 'any-name' });
  });

  it('answers unknown routes with 404 and malformed bodies with 400, in the OpenAI error shape', async () => {
    const missing = await post('/completions/nope', {});
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: {
        message: 'Invalid URL (POST /v1/completions/nope)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    const malformed = await post('/chat/completions', '{"model": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.type).toBe('invalid_request_error');
    const noMessages = await post('/chat/completions', { model: 'm' });
    expect(noMessages.status).toBe(400);
    expect((await noMessages.json()).error.param).toBe('messages');
  });

  it('records every request with its headers and parsed body, until reset', async () => {
    await post('/chat/completions', { model: 'm', messages: [userMessage('recorded')] });
    await post('/nowhere', 'not json');
    expect(server.requests).toHaveLength(2);
    const [chat, nowhere] = server.requests;
    expect(chat).toMatchObject({ sequence: 1, method: 'POST', path: '/v1/chat/completions' });
    expect(chat?.headers.authorization).toBe('Bearer test-key');
    expect(chat?.body).toMatchObject({ messages: [userMessage('recorded')] });
    expect(nowhere).toMatchObject({ path: '/v1/nowhere', body: undefined, rawBody: 'not json' });
    server.reset();
    expect(server.requests).toHaveLength(0);
  });

  it('rejects behaviours it cannot honour when they are scripted', () => {
    expect(() => server.script('m', { text: 'a', tokens: ['a'] })).toThrow(TypeError);
    expect(() => server.enqueue('m', { interTokenDelayMs: -1 })).toThrow(/interTokenDelayMs/);
    expect(() => server.script('m', { status: 42 })).toThrow(/status/);
  });
});
