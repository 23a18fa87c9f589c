import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from '../../../test/fake-model/index.ts';
import { createEmbedder, createModelPort } from '../src/index.ts';
import { collectStream } from './collect-stream.ts';
import { apiKey, describeOpenAiShapedProvider } from './openai-shaped-provider.case.ts';

// DashScope's chat speaks OpenAI's Chat Completions ("compatible mode"); its embeddings do not.
describeOpenAiShapedProvider({
  provider: 'alibaba',
  environment: (baseUrl, key) => ({ DASHSCOPE_BASE_URL: baseUrl, DASHSCOPE_API_KEY: key }),
  setupVariable: 'DASHSCOPE_API_KEY',
  openAiEmbeddings: false,
  // Names the SDK knows to take JSON Schema output; older Qwen models get JSON mode (tested below).
  chatModel: 'qwen3.7-plus',
});

describe('alibaba structured output on a model without JSON Schema support', () => {
  let server: FakeModelServer;
  beforeAll(async () => {
    server = await createFakeModelServer();
  });
  afterAll(() => server.close());

  it('uses JSON mode with the schema in the prompt, and streams the JSON text', async () => {
    server.script('qwen-plus', { json: { intent: 'refund', confidence: 0.9 } });
    const port = createModelPort({ DASHSCOPE_BASE_URL: server.url, DASHSCOPE_API_KEY: apiKey });
    const schema = {
      type: 'object',
      properties: { intent: { type: 'string', enum: ['refund', 'other'] }, confidence: { type: 'number' } },
      required: ['intent'],
    };
    const result = await collectStream(
      port.stream(
        {
          model: 'alibaba:qwen-plus',
          system: 'Classify the message.',
          messages: [{ role: 'user', content: 'I want my money back' }],
          output: { name: 'classification', schema },
        },
        new AbortController().signal,
      ),
    );
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.text)).toEqual({ intent: 'refund', confidence: 0.9 });
    const body = server.requests[0]?.body as { response_format?: unknown; messages?: unknown };
    expect(body.response_format).toEqual({ type: 'json_object' });
    const prompt = JSON.stringify(body.messages);
    expect(prompt).toContain('Classify the message.');
    expect(prompt).toContain('refund');
    expect(prompt).toContain('JSON');
  });
});

describe('alibaba embeddings', () => {
  let server: FakeModelServer;
  beforeAll(async () => {
    server = await createFakeModelServer();
  });
  afterAll(() => server.close());

  it('go to DashScope’s native API beside the compatible-mode base URL', async () => {
    const origin = new URL(server.url).origin;
    const embedder = createEmbedder({
      DASHSCOPE_BASE_URL: `${origin}/compatible-mode/v1`,
      DASHSCOPE_API_KEY: apiKey,
    });
    // The fake speaks only OpenAI's API, so it answers 404; the path shows where the request went.
    await expect(embedder.embed('alibaba:text-embedding-v3', ['hello'])).rejects.toMatchObject({
      code: 'model_not_found',
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toMatch(/^\/api\/v1\//);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
  });
});
