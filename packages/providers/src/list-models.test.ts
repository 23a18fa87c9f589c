import { describe, expect, it } from 'vitest';
import { listModels } from './list-models.ts';

const ids = (environment: Parameters<typeof listModels>[0]) =>
  listModels(environment).map((model) => model.id);

describe('listModels', () => {
  it('lists only the built-in models when nothing is configured, echo labelled as a no-key demo', () => {
    expect(listModels({})).toEqual([
      {
        id: 'local:echo',
        provider: 'local',
        name: expect.stringMatching(/demo.*no key/),
        capabilities: ['chat'],
      },
      {
        id: 'local:hash',
        provider: 'local',
        name: expect.stringMatching(/not meaning/),
        capabilities: ['embedding'],
      },
    ]);
  });

  it('adds the curated Qwen models for DASHSCOPE_API_KEY', () => {
    expect(ids({ DASHSCOPE_API_KEY: 'sk-x' })).toEqual([
      'local:echo',
      'local:hash',
      'alibaba:qwen-plus',
      'alibaba:qwen-max',
      'alibaba:qwen-turbo',
      'alibaba:text-embedding-v3',
    ]);
  });

  it('adds OpenAI models for OPENAI_API_KEY, with capabilities', () => {
    const models = listModels({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'https://proxy.example/v1' });
    expect(models.filter((model) => model.provider === 'openai')).toEqual([
      { id: 'openai:gpt-4o-mini', provider: 'openai', name: 'GPT-4o mini', capabilities: ['chat', 'tools'] },
      { id: 'openai:gpt-4.1', provider: 'openai', name: 'GPT-4.1', capabilities: ['chat', 'tools'] },
      {
        id: 'openai:text-embedding-3-small',
        provider: 'openai',
        name: 'text-embedding-3-small',
        capabilities: ['embedding'],
      },
    ]);
  });

  it('lists exactly the compatible models configured, guessing embedding models by name', () => {
    const models = listModels({
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_COMPATIBLE_MODELS: 'llama3.1:8b, ,nomic-embed-text,llama3.1:8b,bad name',
    });
    expect(models.filter((model) => model.provider === 'compatible')).toEqual([
      {
        id: 'compatible:llama3.1:8b',
        provider: 'compatible',
        name: 'llama3.1:8b',
        capabilities: ['chat', 'tools'],
      },
      {
        id: 'compatible:nomic-embed-text',
        provider: 'compatible',
        name: 'nomic-embed-text',
        capabilities: ['embedding'],
      },
    ]);
  });

  it('needs the compatible base URL, not only the model list', () => {
    expect(ids({ OPENAI_COMPATIBLE_MODELS: 'deepseek-chat' })).toEqual(['local:echo', 'local:hash']);
  });

  it('lists every configured provider together, ids all provider:model', () => {
    const models = listModels({
      DASHSCOPE_API_KEY: 'a-key',
      OPENAI_API_KEY: 'b-key',
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1/v1',
      OPENAI_COMPATIBLE_MODELS: 'deepseek-chat',
      AI: { run: () => Promise.resolve(null) },
    });
    expect(new Set(models.map((model) => model.provider))).toEqual(
      new Set(['local', 'alibaba', 'openai', 'compatible', 'workers-ai']),
    );
    for (const model of models) expect(model.id).toMatch(/^[a-z0-9][a-z0-9-]*:[^\s]+$/);
    expect(new Set(models.map((model) => model.id)).size).toBe(models.length);
  });
});
