import { expect, it } from 'vitest';
import { createEmbedder, listModels } from '../src/index.ts';
import { bodyOf, cosine, embeddingModel, type ProviderFixture, retry } from './provider-fixture.ts';

/** The model list and OpenAI-style embeddings of one provider. */
export function embeddingsAndCatalogCases(fixture: ProviderFixture): void {
  const { id, subject } = fixture;

  it('lists its models once configured', () => {
    const models = listModels(fixture.environment);
    expect(models.map((model) => model.id)).toContain('local:echo');
    expect(models.filter((model) => model.provider === subject.provider).length).toBeGreaterThan(0);
    expect(listModels({}).some((model) => model.provider === subject.provider)).toBe(false);
  });

  it.runIf(subject.openAiEmbeddings)('embeds texts through /v1/embeddings', async () => {
    const embedder = createEmbedder(fixture.environment, { retry });
    const result = await embedder.embed(id(embeddingModel), [
      'red apples and green pears',
      'green pears and red apples in a bowl',
      'the quarterly tax filing deadline',
    ]);
    expect(result.vectors).toHaveLength(3);
    const [apples, bowl, taxes] = result.vectors;
    expect(apples).toHaveLength(256);
    expect(cosine(apples ?? [], bowl ?? [])).toBeGreaterThan(cosine(apples ?? [], taxes ?? []));
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(fixture.server.requests[0]?.path).toBe('/v1/embeddings');
    expect(bodyOf(fixture.server, 0).input).toEqual([
      'red apples and green pears',
      'green pears and red apples in a bowl',
      'the quarterly tax filing deadline',
    ]);
  });

  it.runIf(subject.openAiEmbeddings)('retries embeddings on 503 and maps lasting failures', async () => {
    const embedder = createEmbedder(fixture.environment, { retry });
    fixture.server.enqueue(embeddingModel, { status: 503 });
    const result = await embedder.embed(id(embeddingModel), ['hello']);
    expect(result.vectors).toHaveLength(1);
    expect(fixture.server.requests).toHaveLength(2);
    fixture.server.reset();
    fixture.server.script(embeddingModel, { status: 429 });
    await expect(embedder.embed(id(embeddingModel), ['hello'])).rejects.toMatchObject({
      code: 'model_rate_limited',
    });
    expect(fixture.server.requests).toHaveLength(3);
  });
}
