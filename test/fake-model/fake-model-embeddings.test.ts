import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from './index.ts';

let server: FakeModelServer;
beforeAll(async () => {
  server = await createFakeModelServer({ embeddingDimensions: 16 });
});
beforeEach(() => server.reset());
afterAll(() => server.close());

function embed(body: unknown): Promise<Response> {
  return fetch(`${server.url}/embeddings`, { method: 'POST', body: JSON.stringify(body) });
}

describe('fake model embeddings over plain fetch', () => {
  it('answers in the OpenAI list shape with the configured default dimension', async () => {
    const response = await embed({ model: 'embedder', input: 'hello world' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      object: 'list',
      model: 'embedder',
      usage: { prompt_tokens: 2, total_tokens: 2 },
    });
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ object: 'embedding', index: 0 });
    expect(body.data[0].embedding).toHaveLength(16);
  });

  it('honours dimensions and embeds token-id inputs', async () => {
    const body = await (await embed({ model: 'embedder', input: [[1, 2], [3]], dimensions: 8 })).json();
    expect(body.data.map((item: { embedding: number[] }) => item.embedding.length)).toEqual([8, 8]);
  });

  it('rejects a missing input and an impossible dimension with 400', async () => {
    const noInput = await embed({ model: 'embedder' });
    expect(noInput.status).toBe(400);
    expect((await noInput.json()).error.param).toBe('input');
    const badDimensions = await embed({ model: 'embedder', input: 'x', dimensions: 0 });
    expect(badDimensions.status).toBe(400);
    expect((await badDimensions.json()).error.param).toBe('dimensions');
  });

  it('plays queued failures for embedding models too', async () => {
    server.enqueue('embedder', { status: 503, retryAfterSeconds: 1 });
    const failed = await embed({ model: 'embedder', input: 'x' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect((await embed({ model: 'embedder', input: 'x' })).status).toBe(200);
  });
});
