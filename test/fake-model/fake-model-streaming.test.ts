import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from './index.ts';
import { type ReceivedEvent, readServerSentEvents } from './read-server-sent-events.ts';

let server: FakeModelServer;
beforeAll(async () => {
  server = await createFakeModelServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

function streamChat(
  model: string,
  extra: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model,
      stream: true,
      messages: [{ role: 'user', content: 'hello there' }],
      ...extra,
    }),
    ...(signal === undefined ? {} : { signal }),
  });
}

async function collect(response: Response): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  for await (const event of readServerSentEvents(response)) events.push(event);
  return events;
}

function contentOf(event: ReceivedEvent): string | undefined {
  if (event.data === '[DONE]') return undefined;
  return JSON.parse(event.data).choices[0]?.delta?.content ?? undefined;
}

describe('fake model streaming', () => {
  it('streams OpenAI chunks: role, content deltas, finish, usage with empty choices, [DONE]', async () => {
    const response = await streamChat('m', { stream_options: { include_usage: true } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    const events = await collect(response);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ id: 'chatcmpl-fake-1', object: 'chat.completion.chunk', model: 'm' });
    }
    expect(chunks[0].choices[0].delta).toMatchObject({ role: 'assistant', content: '' });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe(
      'Fake reply to: hello there',
    );
    const finish = chunks.at(-2);
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(finish.usage).toBeNull();
    const usage = chunks.at(-1);
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toMatchObject({ prompt_tokens: 2, completion_tokens: 5, total_tokens: 7 });
  });

  it('sends no usage fields unless asked', async () => {
    const events = await collect(await streamChat('m'));
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data));
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
  });

  // Retried because a client stalled longer than one delay (a loaded CI machine) reads two chunks at
  // once; a server that buffers fails every try.
  it('waits the first-token latency, then the inter-token delay between every chunk', {
    retry: 2,
  }, async () => {
    server.script('slow', {
      tokens: ['a', 'b', 'c', 'd', 'e'],
      firstTokenLatencyMs: 120,
      interTokenDelayMs: 60,
    });
    const started = performance.now();
    const response = await streamChat('slow');
    const headersAt = performance.now();
    const events = await collect(response);
    // Headers and the role chunk do not wait for the first token.
    expect(headersAt - started).toBeLessThan(100);
    const [role, ...rest] = events;
    const tokens = rest.filter((event) => contentOf(event) !== undefined && contentOf(event) !== '');
    expect(tokens.map(contentOf)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((tokens[0]?.receivedAt ?? 0) - (role?.receivedAt ?? 0)).toBeGreaterThanOrEqual(100);
    const gaps = tokens.slice(1).map((event, index) => event.receivedAt - (tokens[index]?.receivedAt ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(40);
  });

  it('cuts the connection after dropAfterTokens tokens, so the client sees a truncated stream', async () => {
    server.script('flaky', { text: 'one two three four', dropAfterTokens: 2 });
    const received: string[] = [];
    const reading = (async () => {
      for await (const event of readServerSentEvents(await streamChat('flaky'))) {
        const content = contentOf(event);
        if (content) received.push(content);
      }
    })();
    await expect(reading).rejects.toThrow();
    expect(received).toEqual(['one', ' two']);
  });

  it('drops a non-streaming request without any response', async () => {
    server.script('flaky', { text: 'never sent', dropAfterTokens: 0 });
    const request = fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'flaky', messages: [] }),
    });
    await expect(request).rejects.toThrow();
  });

  it('answers concurrent requests to different models independently', async () => {
    server.script('slow-model', { text: 'slow answer', firstTokenLatencyMs: 200 });
    server.script('fast-model', { text: 'fast answer' });
    const finished: string[] = [];
    const run = async (model: string): Promise<string> => {
      const text = (await collect(await streamChat(model))).map(contentOf).join('');
      finished.push(model);
      return text;
    };
    const started = performance.now();
    const [slow, fast] = await Promise.all([run('slow-model'), run('fast-model')]);
    expect(slow).toBe('slow answer');
    expect(fast).toBe('fast answer');
    expect(finished).toEqual(['fast-model', 'slow-model']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('clears a reply when its client leaves', async () => {
    server.script('endless', { text: 'a b c', interTokenDelayMs: 60_000 });
    const controller = new AbortController();
    const response = await streamChat('endless', {}, controller.signal);
    const events = readServerSentEvents(response);
    await events.next();
    expect(server.activeRequests).toBe(1);
    controller.abort();
    await vi.waitFor(() => expect(server.activeRequests).toBe(0));
  });

  it('clears a hanging request when its client leaves', async () => {
    server.script('hanging', { hangMs: 60_000 });
    const controller = new AbortController();
    const request = fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'hanging', messages: [] }),
      signal: controller.signal,
    }).catch(() => 'aborted');
    await vi.waitFor(() => expect(server.activeRequests).toBe(1));
    controller.abort();
    expect(await request).toBe('aborted');
    await vi.waitFor(() => expect(server.activeRequests).toBe(0));
  });

  it('hangs before answering for hangMs', async () => {
    server.script('hanging', { hangMs: 150 });
    const started = performance.now();
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'hanging', messages: [] }),
    });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('closing the fake model server', () => {
  it('ends open streams and hanging requests promptly', async () => {
    const closing = await createFakeModelServer();
    closing.script('endless', { text: 'a b c', interTokenDelayMs: 60_000 });
    closing.script('hanging', { hangMs: Number.POSITIVE_INFINITY });
    const response = await fetch(`${closing.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'endless', stream: true, messages: [] }),
    });
    const events = readServerSentEvents(response);
    await events.next();
    // Settled into a value at once: the rejection comes before the test gets to await it.
    const hanging = fetch(`${closing.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'hanging', messages: [] }),
    }).then(
      () => 'answered',
      () => 'failed',
    );
    await vi.waitFor(() => expect(closing.activeRequests).toBe(2));
    const started = performance.now();
    await closing.close();
    expect(performance.now() - started).toBeLessThan(500);
    expect(closing.activeRequests).toBe(0);
    const rest = (async () => {
      for await (const _event of events) {
        // Drained: what was sent before the close still arrives, then the cut.
      }
    })();
    await expect(rest).rejects.toThrow();
    expect(await hanging).toBe('failed');
    await closing.close();
  });
});
