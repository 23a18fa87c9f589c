import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from './index.ts';

// The official client is the reference for "a real client accepts it": if it parses our wire format,
// so should the AI SDK's openai-compatible provider.
let server: FakeModelServer;
let client: OpenAI;
beforeAll(async () => {
  server = await createFakeModelServer();
  client = new OpenAI({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
});
beforeEach(() => server.reset());
afterAll(() => server.close());

const ask = (content: string) => [{ role: 'user' as const, content }];

describe('fake model through the openai client', () => {
  it('completes without streaming', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-fake', messages: ask('ping') });
    expect(completion.choices[0]?.message.content).toBe('Fake reply to: ping');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 4, total_tokens: 5 });
    expect(completion._request_id).toBe('req_fake_1');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer test-key');
  });

  it('streams text and a final usage chunk', async () => {
    server.script('gpt-fake', { text: 'Streaming works fine' });
    const stream = await client.chat.completions.create({
      model: 'gpt-fake',
      messages: ask('go'),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Streaming works fine');
    expect(usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 });
  });

  it('assembles streamed tool calls, then answers the tool result with text', async () => {
    server.script('gpt-fake', {
      toolCalls: [{ name: 'lookup', arguments: { query: 'edge functions', limit: 3 } }],
    });
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'lookup',
          parameters: {
            type: 'object',
            properties: { query: { type: 'string' }, limit: { type: 'integer' } },
          },
        },
      },
    ];
    const runner = client.chat.completions.stream({ model: 'gpt-fake', messages: ask('search'), tools });
    const first = await runner.finalChatCompletion();
    const message = first.choices[0]?.message;
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    const call = message?.tool_calls?.[0];
    if (call?.type !== 'function') throw new Error('expected a function tool call');
    expect(JSON.parse(call.function.arguments)).toEqual({ query: 'edge functions', limit: 3 });
    const second = await client.chat.completions.create({
      model: 'gpt-fake',
      tools,
      messages: [
        ...ask('search'),
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, content: 'three results' },
      ],
    });
    expect(second.choices[0]?.message.content).toBe('Fake reply to tool result: three results');
  });

  it('parses json_schema output', async () => {
    const completion = await client.chat.completions.parse({
      model: 'gpt-fake',
      messages: ask('extract'),
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'invoice',
          strict: true,
          schema: {
            type: 'object',
            properties: { total: { type: 'number', minimum: 1 }, currency: { enum: ['EUR', 'USD'] } },
            required: ['total', 'currency'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(completion.choices[0]?.message.parsed).toEqual({ total: 1, currency: 'EUR' });
  });

  it('decodes embeddings in the default base64 encoding and as floats, with dimensions', async () => {
    const input = ['shared words here', 'shared words there'];
    const base64 = await client.embeddings.create({ model: 'fake-embedding-model', input, dimensions: 32 });
    const floats = await client.embeddings.create({
      model: 'fake-embedding-model',
      input,
      dimensions: 32,
      encoding_format: 'float',
    });
    expect(server.requests[0]?.body).toMatchObject({ encoding_format: 'base64' });
    expect(base64.data).toHaveLength(2);
    expect(base64.data[0]?.embedding).toHaveLength(32);
    const rounded = floats.data[1]?.embedding.map((value) => Math.fround(value));
    expect(Array.from(base64.data[1]?.embedding ?? [])).toEqual(rounded);
    expect(floats.usage).toEqual({ prompt_tokens: 6, total_tokens: 6 });
  });

  it('retries a queued 429 after the Retry-After the fake sent, then succeeds', async () => {
    const retrying = new OpenAI({ baseURL: server.url, apiKey: 'test-key', maxRetries: 1 });
    server.enqueue('gpt-fake', { status: 429, retryAfterMs: 150 });
    const started = performance.now();
    const completion = await retrying.chat.completions.create({ model: 'gpt-fake', messages: ask('again') });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(completion.choices[0]?.message.content).toBe('Fake reply to: again');
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces a scripted 500 as an InternalServerError', async () => {
    server.script('gpt-fake', { status: 500 });
    const failing = client.chat.completions.create({ model: 'gpt-fake', messages: ask('boom') });
    await expect(failing).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(failing).rejects.toMatchObject({ status: 500, type: 'server_error' });
  });

  it('fails the stream when the connection drops mid-way', async () => {
    server.script('gpt-fake', { text: 'one two three four five', dropAfterTokens: 2 });
    const stream = await client.chat.completions.create({
      model: 'gpt-fake',
      messages: ask('drop'),
      stream: true,
    });
    let text = '';
    const reading = (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })();
    await expect(reading).rejects.toThrow();
    expect(text).toBe('one two');
  });

  it('lists models', async () => {
    server.script('gpt-fake', {});
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-fake');
  });
});
