import { describe, expect, it } from 'vitest';
import { createEmbedder } from './create-embedder.ts';
import { hashEmbeddingDimensions } from './hash-embedding.ts';

describe('createEmbedder with local:hash', () => {
  const embedder = createEmbedder({});

  it('embeds offline and deterministically, one vector per text', async () => {
    const first = await embedder.embed('local:hash', ['alpha beta', 'gamma']);
    const second = await createEmbedder({}).embed('local:hash', ['alpha beta', 'gamma']);
    expect(first.vectors).toHaveLength(2);
    expect(first.vectors[0]).toHaveLength(hashEmbeddingDimensions);
    expect(second.vectors).toEqual(first.vectors);
    expect(first.usage).toEqual({ inputTokens: 3, outputTokens: 0 });
  });

  it('answers no texts with no vectors', async () => {
    expect(await embedder.embed('local:hash', [])).toEqual({
      vectors: [],
      usage: { inputTokens: 0, outputTokens: 0 },
    });
  });

  it('refuses chat models and unconfigured providers with model_not_configured', async () => {
    await expect(embedder.embed('local:echo', ['x'])).rejects.toMatchObject({
      code: 'model_not_configured',
      message: expect.stringContaining('local:hash'),
    });
    await expect(embedder.embed('openai:text-embedding-3-small', ['x'])).rejects.toMatchObject({
      code: 'model_not_configured',
      message: expect.stringContaining('OPENAI_API_KEY'),
    });
  });
});
