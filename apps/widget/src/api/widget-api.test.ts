import { describe, expect, it } from 'vitest';
import { RequestFailureError } from './request-failure.ts';
import { sse, streamOf } from './test-streams.ts';
import { createWidgetApi } from './widget-api.ts';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const options = {
  baseUrl: 'https://runtime.example',
  appId: 'app_1',
  key: 'pk_test',
  visitorId: 'visitor_0123456789abcdefghijk',
};

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RequestFailureError))
    throw new Error(`expected a RequestFailureError, got ${error}`);
  return error.failure;
}

describe('createWidgetApi', () => {
  it('starts a streamed run with the publishable key, without credentials, continuing a conversation', async () => {
    const { calls, fetch } = fakeFetch(
      () =>
        new Response(streamOf([sse(1, { type: 'run-end', status: 'succeeded', outputs: { answer: 'ok' } })])),
    );
    const events = await createWidgetApi({ ...options, fetch }).run('Hi', 'conv_9');
    const received = [];
    for await (const event of events) received.push(event.type);
    expect(received).toEqual(['run-end']);
    const [call] = calls;
    expect(call?.url).toBe('https://runtime.example/v1/apps/app_1/runs');
    expect(call?.init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      headers: {
        authorization: 'Bearer pk_test',
        'x-edgeflow-visitor': 'visitor_0123456789abcdefghijk',
        'content-type': 'application/json',
      },
    });
    expect(JSON.parse(String(call?.init.body))).toEqual({
      inputs: { query: 'Hi' },
      stream: true,
      conversationId: 'conv_9',
    });
  });

  it('reads the launcher configuration and a stored thread, dropping malformed entries', async () => {
    const { calls, fetch } = fakeFetch((url) =>
      url.endsWith('/widget')
        ? Response.json({ name: 'Shop bot', greeting: null, theme: { primaryColor: '#112233' } })
        : Response.json({
            messages: [
              { role: 'user', content: 'Hi', runId: 'run_1', createdAt: '2026-01-01T00:00:00Z' },
              { role: 'system', content: 'hidden' },
              { role: 'assistant', content: 'Hello' },
            ],
          }),
    );
    const api = createWidgetApi({ ...options, fetch });
    expect(await api.config()).toEqual({
      name: 'Shop bot',
      greeting: null,
      primaryColor: '#112233',
      position: null,
      mode: null,
    });
    expect(await api.messages('conv/1')).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
    ]);
    expect(calls[1]?.url).toBe('https://runtime.example/v1/apps/app_1/conversations/conv%2F1/messages');
  });

  it('turns statuses into failures the visitor can be told about', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 429, headers: { 'retry-after': '7' } }));
    expect(await failure(createWidgetApi({ ...options, fetch }).run('Hi', null))).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 7,
    });
  });

  it('tells a refused site (the runtime answers a no-cors probe) from a service that is down', async () => {
    const refused = fakeFetch((_url, init) => {
      if (init.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    expect(await failure(createWidgetApi({ ...options, fetch: refused.fetch }).config())).toEqual({
      kind: 'refused',
    });
    expect(refused.calls[1]?.url).toBe('https://runtime.example/healthz');
    const down = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await failure(createWidgetApi({ ...options, fetch: down.fetch }).config())).toEqual({
      kind: 'unavailable',
    });
  });
});
