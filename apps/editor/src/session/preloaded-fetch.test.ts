import { createClient } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import { type Preloaded, withPreloaded } from './preloaded-fetch.ts';

const origin = 'http://127.0.0.1:8787';
const models = (id: string) => ({
  models: [{ id: `local:${id}`, provider: 'local', name: id, capabilities: [] }],
});
const answer = (body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));

/** A network that answers every GET /api/models with a model named after how many calls it has seen. */
function network() {
  const seen: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    seen.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return answer(models(`network-${seen.length}`));
  };
  return { seen, fetch };
}

describe('preloaded answers', () => {
  it('answer the client’s first GET of their URL with their token, once', async () => {
    const net = network();
    const preloaded: Preloaded[] = [
      { url: `${origin}/api/models`, authorization: 'Bearer t1', response: answer(models('preloaded')) },
    ];
    const client = createClient({ baseUrl: origin, key: 't1', fetch: withPreloaded(preloaded, net.fetch) });
    expect((await client.listModels()).models[0]?.id).toBe('local:preloaded');
    expect(net.seen).toEqual([]);
    expect((await client.listModels()).models[0]?.id).toBe('local:network-1');
    expect(preloaded).toEqual([]);
  });

  it('are not used for another token', async () => {
    const net = network();
    const preloaded: Preloaded[] = [
      { url: `${origin}/api/models`, authorization: 'Bearer old', response: answer(models('preloaded')) },
    ];
    const client = createClient({ baseUrl: origin, key: 'new', fetch: withPreloaded(preloaded, net.fetch) });
    expect((await client.listModels()).models[0]?.id).toBe('local:network-1');
    expect(preloaded).toHaveLength(1);
  });
});
