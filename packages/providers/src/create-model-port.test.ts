import type { ModelRequest } from '@edgeflow/engine';
import { describe, expect, it } from 'vitest';
import { collectStream } from '../test/collect-stream.ts';
import { createModelPort } from './create-model-port.ts';
import type { ProviderEnvironment } from './provider-environment.ts';

function ask(environment: ProviderEnvironment, request: Partial<ModelRequest> & { model: string }) {
  const port = createModelPort(environment);
  return collectStream(
    port.stream(
      { messages: [{ role: 'user', content: 'Hello there' }], ...request },
      new AbortController().signal,
    ),
  );
}

describe('createModelPort without any provider configured', () => {
  it('serves local:echo through the engine’s echo model', async () => {
    const result = await ask({}, { model: 'local:echo' });
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Echo: Hello there');
    expect(result.finish?.finishReason).toBe('stop');
  });

  it('answers structured output from local:echo with schema-shaped JSON', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
    const result = await ask({}, { model: 'local:echo', output: { name: 'person', schema } });
    expect(JSON.parse(result.text)).toEqual({ name: '' });
  });

  it.each([
    ['openai:gpt-4o-mini', 'OPENAI_API_KEY'],
    ['alibaba:qwen-plus', 'DASHSCOPE_API_KEY'],
    ['compatible:deepseek-chat', 'OPENAI_COMPATIBLE_BASE_URL'],
    ['workers-ai:@cf/meta/llama-3.1-8b-instruct', 'binding named AI'],
    ['anthropic:claude', 'alibaba, openai, compatible, workers-ai, local'],
    ['local:hash', 'local:echo'],
    ['qwen-plus', 'provider:model'],
  ])('fails %s with model_not_configured naming %s', async (model, hint) => {
    const result = await ask({}, { model });
    expect(result.parts).toEqual([]);
    expect(result.error).toMatchObject({ code: 'model_not_configured', retryable: false });
    expect(result.error?.message).toContain(hint);
  });

  it('serves only the compatible models that OPENAI_COMPATIBLE_MODELS lists', async () => {
    const environment = {
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:9/v1',
      OPENAI_COMPATIBLE_MODELS: 'deepseek-chat, llama3.1:8b',
    };
    const result = await ask(environment, { model: 'compatible:gpt-4o' });
    expect(result.error?.code).toBe('model_not_configured');
    expect(result.error?.message).toBe(
      'compatible:gpt-4o: add "gpt-4o" to OPENAI_COMPATIBLE_MODELS, the comma-separated models the compatible server serves (it lists deepseek-chat, llama3.1:8b).',
    );
  });

  it('treats empty and blank variables as unset', async () => {
    const result = await ask(
      { OPENAI_API_KEY: '   ', DASHSCOPE_API_KEY: '' },
      { model: 'openai:gpt-4o-mini' },
    );
    expect(result.error?.code).toBe('model_not_configured');
  });
});
