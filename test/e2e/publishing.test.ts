/**
 * The publishing surfaces through the real `npm start` server (wrangler dev, workerd, the local
 * Rate Limiting binding and the assets router in front): the official `openai` client streaming,
 * a widget's preflight and run from an allowed origin, and the per-visitor limit of wrangler.jsonc.
 */
import { createClient } from '@edgeflow/api';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from '../fake-model/index.ts';
import { type Platform, startPlatform } from '../support/platform.ts';

const model = 'e2e-publish';
const tokens = ['One', ' two', ' three', ' four'];
const interTokenDelayMs = 100;
const shop = 'https://shop.example';

let fake: FakeModelServer;
let platform: Platform;
let appId = '';
let secretKey = '';
let publishableKey = '';

beforeAll(async () => {
  fake = await createFakeModelServer();
  fake.script(model, { tokens, firstTokenLatencyMs: 50, interTokenDelayMs });
  platform = await startPlatform({
    settings: { OPENAI_COMPATIBLE_BASE_URL: fake.url, OPENAI_COMPATIBLE_MODELS: model },
  });
  const admin = createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });
  const app = await admin.createApp({ name: 'E2E publishing', template: 'chat-assistant' });
  const draft = {
    ...app.draft,
    nodes: app.draft.nodes.map((node) =>
      node.type === 'llm'
        ? { ...node, config: { ...node.config, model: `compatible:${model}`, memory: { turns: 4 } } }
        : node,
    ),
  };
  await admin.saveDraft(app.id, draft);
  await admin.publish(app.id, {});
  appId = app.id;
  secretKey = (await admin.createKey(app.id, { kind: 'secret' })).key;
  publishableKey = (await admin.createKey(app.id, { kind: 'publishable', allowedOrigins: [shop] })).key;
});

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

const openAi = (apiKey = secretKey) =>
  new OpenAI({ apiKey, baseURL: `${platform.baseUrl}/v1`, maxRetries: 0 });

describe('the openai client against npm start', () => {
  it('streams each token as it is produced, then finishes', async () => {
    const started = performance.now();
    const stream = await openAi().chat.completions.create({
      model: appId,
      messages: [{ role: 'user', content: 'Count for me' }],
      stream: true,
    });
    const arrivals: { content: string; at: number }[] = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (content) arrivals.push({ content, at: performance.now() - started });
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(arrivals.map((arrival) => arrival.content)).toEqual(tokens);
    expect(finish).toBe('stop');
    // Not buffered by wrangler dev: the tokens arrive about as far apart as the model sends them.
    const gaps = arrivals.slice(1).map((arrival, index) => arrival.at - (arrivals[index]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThan(interTokenDelayMs / 2);
  });

  it('answers without streaming, lists the model and refuses a wrong key', async () => {
    const completion = await openAi().chat.completions.create({
      model: appId,
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'an answer' },
        { role: 'user', content: 'second' },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe(tokens.join(''));
    const sent = fake.requests.filter((request) => request.path === '/v1/chat/completions').at(-1);
    const body = sent?.body as { messages?: { role: string; content: unknown }[] } | undefined;
    const messages = body?.messages ?? [];
    expect(messages.filter((message) => message.role !== 'system')).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'an answer' },
      { role: 'user', content: 'second' },
    ]);
    expect((await openAi().models.list()).data.map((entry) => entry.id)).toEqual([appId]);
    const refused = await openAi(`ef_sk_${'x'.repeat(43)}`)
      .models.list()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
  });
});

describe('a widget on an allowed origin', () => {
  const visitor = crypto.randomUUID();
  // The key is created in beforeAll, so each request adds its Authorization itself.
  const widgetHeaders = { origin: shop, 'x-edgeflow-visitor': visitor };

  it('gets its preflight answered and its run streamed with CORS, never with credentials', async () => {
    const preflight = await fetch(`${platform.baseUrl}/v1/apps/${appId}/runs`, {
      method: 'OPTIONS',
      headers: {
        origin: shop,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-edgeflow-visitor',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(shop);
    const run = await fetch(`${platform.baseUrl}/v1/apps/${appId}/runs`, {
      method: 'POST',
      headers: {
        ...widgetHeaders,
        authorization: `Bearer ${publishableKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ inputs: { query: 'hello from the shop' } }),
    });
    expect(run.status).toBe(200);
    expect(run.headers.get('access-control-allow-origin')).toBe(shop);
    expect(run.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await run.text()).toContain('event: run-end');
    const evil = await fetch(`${platform.baseUrl}/v1/apps/${appId}/runs`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is rate limited per visitor by the local Rate Limiting binding', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    // wrangler.jsonc allows 30 a minute per visitor; twice that and one more crosses at most one window edge.
    for (let attempt = 0; attempt < 61 && !refused; attempt += 1) {
      const response = await fetch(`${platform.baseUrl}/v1/apps/${appId}/widget`, {
        headers: { ...widgetHeaders, authorization: `Bearer ${publishableKey}` },
      });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else await response.arrayBuffer();
    }
    if (!refused) throw new Error(`no 429 after ${statuses.length} requests`);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('access-control-allow-origin')).toBe(shop);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(29);
  });
});
