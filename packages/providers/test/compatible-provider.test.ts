import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from '../../../test/fake-model/index.ts';
import { createModelPort } from '../src/index.ts';
import { collectStream } from './collect-stream.ts';
import { describeOpenAiShapedProvider } from './openai-shaped-provider.case.ts';

describeOpenAiShapedProvider({
  provider: 'compatible',
  environment: (baseUrl, key) => ({
    OPENAI_COMPATIBLE_BASE_URL: baseUrl,
    OPENAI_COMPATIBLE_API_KEY: key,
    OPENAI_COMPATIBLE_MODELS: 'fake-model, fake-embedding-model',
  }),
  setupVariable: 'OPENAI_COMPATIBLE_BASE_URL',
  openAiEmbeddings: true,
});

describe('compatible structured output on a server without JSON Schema support', () => {
  let server: FakeModelServer;
  beforeAll(async () => {
    server = await createFakeModelServer();
  });
  afterAll(() => server.close());

  it('falls back to JSON mode after a 400, and goes there directly from then on', async () => {
    // Like DeepSeek: `json_schema` is refused with a 400, `json_object` works.
    server.enqueue('strict-json', { status: 400 });
    server.script('strict-json', { json: { city: 'Paris' } });
    const port = createModelPort(
      { OPENAI_COMPATIBLE_BASE_URL: server.url, OPENAI_COMPATIBLE_MODELS: 'strict-json' },
      { retry: { attempts: 1 } },
    );
    const request = {
      model: 'compatible:strict-json',
      messages: [{ role: 'user' as const, content: 'Where is the Louvre?' }],
      output: { name: 'place', schema: { type: 'object', properties: { city: { type: 'string' } } } },
    };
    const first = await collectStream(port.stream(request, new AbortController().signal));
    expect(first.error).toBeUndefined();
    expect(JSON.parse(first.text)).toEqual({ city: 'Paris' });
    const formats = () =>
      server.requests.map((recorded) => (recorded.body as { response_format?: unknown }).response_format);
    expect(formats()).toEqual([expect.objectContaining({ type: 'json_schema' }), { type: 'json_object' }]);
    // The schema still reaches the model, in the instructions.
    expect(server.requests[1]?.rawBody).toContain('\\"properties\\":{\\"city\\"');

    const second = await collectStream(port.stream(request, new AbortController().signal));
    expect(JSON.parse(second.text)).toEqual({ city: 'Paris' });
    expect(formats()).toHaveLength(3);
    expect(formats()[2]).toEqual({ type: 'json_object' });
  });
});
