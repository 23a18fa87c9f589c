import { env } from 'cloudflare:workers';
import { createdKeySchema, keyListSchema } from '@edgeflow/api';
import { sha256Hex } from '@edgeflow/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminJson, adminRequest, createKey, publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument, workflowDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { runPath, runToEnd } from './helpers/run-stream.ts';
import { adminToken, request } from './helpers/worker.ts';

const shop = 'https://shop.example';
const visitor = () => ({ 'x-edgeflow-visitor': crypto.randomUUID() });
const run = (appId: string, token: string, headers: Record<string, string> = {}) =>
  request(runPath(appId), { token, headers, json: { inputs: { query: 'hello' }, stream: false } });

describe('creating keys', () => {
  it('creates a secret key shown once, random, prefixed and stored only as a hash', async () => {
    const { app } = await publishedAppWithKey(workflowDocument());
    const created = createdKeySchema.parse(await createKey(app.id, { kind: 'secret', name: 'backend' }));
    expect(created).toMatchObject({ kind: 'secret', name: 'backend', allowedOrigins: [] });
    expect(created.id).toMatch(/^key_/);
    expect(created.key.startsWith('ef_sk_')).toBe(true);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.key.length / 2);
    const random = created.key.slice('ef_sk_'.length);
    expect(random).toMatch(/^[0-9A-Za-z]+$/);
    expect(random.length * Math.log2(62)).toBeGreaterThanOrEqual(128);
    expect((await createKey(app.id)).key).not.toBe(created.key);

    // The row holds the SHA-256 of the key and nothing from which the key can be read back.
    const row = await env.DB.prepare('select * from api_keys where id = ?').bind(created.id).first();
    expect(row).not.toBeNull();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.key);
    expect(stored).not.toContain(random.slice(0, 16));
    expect(Object.values(row ?? {})).toContain(await sha256Hex(created.key));

    // The list never shows a key again.
    const listed = await adminJson<unknown>(`/api/apps/${app.id}/keys`);
    const { keys } = keyListSchema.parse(listed);
    expect(keys.map((key) => key.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    for (const key of keys) expect(key).not.toHaveProperty('key');
  });

  it('creates a publishable key with its allowed origins', async () => {
    const { app } = await publishedAppWithKey(workflowDocument());
    const created = createdKeySchema.parse(
      await createKey(app.id, { kind: 'publishable', allowedOrigins: [shop, 'http://localhost:3000'] }),
    );
    expect(created.key.startsWith('ef_pk_')).toBe(true);
    expect(created.allowedOrigins).toEqual([shop, 'http://localhost:3000']);
  });

  it('refuses key requests that are malformed or would make a useless or unsafe key', async () => {
    const { app } = await publishedAppWithKey(workflowDocument());
    const post = (json: unknown) => adminRequest(`/api/apps/${app.id}/keys`, { method: 'POST', json });
    for (const json of [
      {},
      { kind: 'admin' },
      { kind: 'publishable' },
      { kind: 'publishable', allowedOrigins: [] },
      { kind: 'secret', allowedOrigins: [shop] },
      { kind: 'publishable', allowedOrigins: ['https://shop.example/'] },
      { kind: 'publishable', allowedOrigins: ['https://Shop.example'] },
      { kind: 'publishable', allowedOrigins: ['https://shop.example:443'] },
      { kind: 'publishable', allowedOrigins: ['*'] },
      { kind: 'secret', name: '' },
      { kind: 'secret', appId: 'app_other' },
      { kind: 'secret', key: 'ef_sk_chosen_by_the_caller_000000000000' },
    ]) {
      await expectError(await post(json), 400, 'invalid_request');
    }
    await expectError(
      await adminRequest(`/api/apps/${app.id}/keys`, { method: 'POST', body: 'secret' }),
      415,
      'unsupported_media_type',
    );
    await expectError(
      await adminRequest('/api/apps/app_nothing0000000000/keys', {
        method: 'POST',
        json: { kind: 'secret' },
      }),
      404,
      'not_found',
    );
  });
});

describe('revoking keys', () => {
  it('stops a key at once on this instance, even right after it was used', async () => {
    const { app, key, keyId } = await publishedAppWithKey(workflowDocument());
    // Used first, so the key sits in the isolate's cache when it is revoked.
    expect((await run(app.id, key)).status).toBe(200);
    const other = await createKey(app.id);
    const revoked = await adminRequest(`/api/apps/${app.id}/keys/${keyId}`, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    await expectError(await run(app.id, key), 401, 'unauthorized');
    await expectError(await request(`/v1/runs/run_anything000000000`, { token: key }), 401, 'unauthorized');
    // Only that key: the app's other key still works, and the list no longer shows the revoked one.
    expect((await run(app.id, other.key)).status).toBe(200);
    const { keys } = keyListSchema.parse(await adminJson(`/api/apps/${app.id}/keys`));
    expect(keys.map((entry) => entry.id)).toEqual([other.id]);
    await expectError(
      await adminRequest(`/api/apps/${app.id}/keys/${keyId}`, { method: 'DELETE' }),
      404,
      'not_found',
    );
  });

  it('cannot revoke a key through another app, nor an unknown key', async () => {
    const a = await publishedAppWithKey(workflowDocument());
    const b = await publishedAppWithKey(workflowDocument());
    expect((await run(a.app.id, a.key)).status).toBe(200);
    await expectError(
      await adminRequest(`/api/apps/${b.app.id}/keys/${a.keyId}`, { method: 'DELETE' }),
      404,
      'not_found',
    );
    await expectError(
      await adminRequest(`/api/apps/${a.app.id}/keys/key_unknown0000000000`, { method: 'DELETE' }),
      404,
      'not_found',
    );
    expect((await run(a.app.id, a.key)).status).toBe(200);
  });
});

describe("one app's key and another app's data (SECURITY 9)", () => {
  let a: Awaited<ReturnType<typeof publishedAppWithKey>>;
  let b: Awaited<ReturnType<typeof publishedAppWithKey>>;
  let runOfB: string;
  let conversationOfB: string;

  beforeAll(async () => {
    a = await publishedAppWithKey(chatDocument({ name: 'A' }));
    b = await publishedAppWithKey(chatDocument({ name: 'B' }));
    const result = await runToEnd(runPath(b.app.id), b.key, { inputs: { query: 'secret of B' } });
    runOfB = result.runId;
    conversationOfB = result.conversationId ?? '';
    expect(conversationOfB).toMatch(/^conv_/);
  });

  it("answers 404 for app B's run endpoint, conversations and run records", async () => {
    const refusals = [
      await request(runPath(b.app.id), { token: a.key, json: { inputs: { query: 'x' } } }),
      await request(runPath(b.app.id), { token: a.key, json: { inputs: { query: 'x' }, stream: false } }),
      await request(`/v1/apps/${b.app.id}/conversations/${conversationOfB}/messages`, { token: a.key }),
      await request(`/v1/apps/${a.app.id}/conversations/${conversationOfB}/messages`, { token: a.key }),
      await request(`/v1/runs/${runOfB}`, { token: a.key }),
      // Continuing B's conversation from A's app.
      await request(runPath(a.app.id), {
        token: a.key,
        json: { inputs: { query: 'x' }, conversationId: conversationOfB, stream: false },
      }),
    ];
    for (const response of refusals) {
      const error = await expectError(response, 404);
      expect(JSON.stringify(error)).not.toContain('secret of B');
    }
    // The owner still sees everything.
    expect((await request(`/v1/runs/${runOfB}`, { token: b.key })).status).toBe(200);
    const messages = await request(`/v1/apps/${b.app.id}/conversations/${conversationOfB}/messages`, {
      token: b.key,
    });
    expect(messages.status).toBe(200);
  });

  it('answers the same 404 for an app that does not exist, so nothing tells them apart', async () => {
    const forB = await request(runPath(b.app.id), { token: a.key, json: {} });
    const forNone = await request(runPath('app_doesnotexist0000000'), { token: a.key, json: {} });
    const [errorB, errorNone] = [await expectError(forB, 404), await expectError(forNone, 404)];
    expect(errorB).toEqual(errorNone);
  });
});

describe('where keys may be used from', () => {
  it('refuses a secret key sent from a browser (any Origin)', async () => {
    const { app, key } = await publishedAppWithKey(workflowDocument());
    for (const origin of [shop, 'null', 'http://localhost:3000']) {
      await expectError(await run(app.id, key, { origin }), 403, 'forbidden');
    }
    expect((await run(app.id, key)).status).toBe(200);
  });

  it('accepts a publishable key only from its allowed origins, without credentialed CORS', async () => {
    const { app } = await publishedAppWithKey(workflowDocument());
    const { key } = await createKey(app.id, { kind: 'publishable', allowedOrigins: [shop] });
    const allowed = await run(app.id, key, { origin: shop, ...visitor() });
    expect(allowed.status, await allowed.clone().text()).toBe(200);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const { runId } = (await allowed.json()) as { runId: string };
    const record = await adminJson<{ source: string }>(`/api/runs/${runId}`);
    expect(record.source).toBe('widget');
    for (const origin of [
      'https://evil.example',
      'https://shop.example.evil.example',
      'http://shop.example',
      'https://SHOP.example',
      `${shop}/`,
      'null',
    ]) {
      const refused = await run(app.id, key, { origin });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-credentials')).toBeNull();
      await expectError(refused, 403, 'origin_not_allowed');
    }
    // No Origin at all (a server using a publishable key) is not an allowed origin either.
    await expectError(await run(app.id, key), 403, 'origin_not_allowed');
  });

  it('answers an allowed origin with its CORS header, and nothing else', async () => {
    const { app } = await publishedAppWithKey(workflowDocument());
    const { key } = await createKey(app.id, { kind: 'publishable', allowedOrigins: [shop] });
    const allowed = await run(app.id, key, { origin: shop, ...visitor() });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(shop);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
  });
});

describe('client-set headers grant nothing (SECURITY 10)', () => {
  const trustHeaders: Record<string, string>[] = [
    { 'x-request-from': 'internal' },
    { 'x-forwarded-for': '127.0.0.1' },
    { 'cf-connecting-ip': '127.0.0.1' },
    { 'x-real-ip': '127.0.0.1' },
    { forwarded: 'for=127.0.0.1;proto=https' },
    { 'x-forwarded-host': 'localhost', 'x-forwarded-proto': 'https' },
    { 'x-original-url': '/healthz', 'x-rewrite-url': '/healthz' },
    { 'x-http-method-override': 'GET' },
    { 'x-admin-token': adminToken, 'x-api-key': adminToken },
    { cookie: `token=${adminToken}; admin=true` },
  ];

  it('leaves /api/* closed without the admin token', async () => {
    const { app, key } = await publishedAppWithKey(workflowDocument());
    for (const headers of trustHeaders) {
      await expectError(await request('/api/apps', { headers }), 401, 'unauthorized');
      await expectError(
        await request(`/api/apps/${app.id}/keys`, { headers, method: 'POST', json: { kind: 'secret' } }),
        401,
        'unauthorized',
      );
      await expectError(await request('/api/apps', { headers, token: key }), 401);
    }
  });

  it('leaves /v1/* closed without a key, and a key bound to its app and its rules', async () => {
    const a = await publishedAppWithKey(workflowDocument());
    const b = await publishedAppWithKey(workflowDocument());
    const publishable = await createKey(a.app.id, { kind: 'publishable', allowedOrigins: [shop] });
    for (const headers of trustHeaders) {
      await expectError(
        await request(runPath(a.app.id), { headers, json: { inputs: { query: 'x' } } }),
        401,
        'unauthorized',
      );
      await expectError(await run(b.app.id, a.key, headers), 404);
      await expectError(await run(a.app.id, a.key, { ...headers, origin: shop }), 403, 'forbidden');
      await expectError(
        await run(a.app.id, publishable.key, { ...headers, origin: 'https://evil.example' }),
        403,
        'origin_not_allowed',
      );
    }
  });
});

describe('guessing keys (SECURITY 20)', () => {
  const guess = (attempt: number) => `ef_sk_${attempt.toString().padStart(43, '0')}`;

  it('answers 429 with Retry-After after many failed authentications, then refuses even a right key', async () => {
    const { key } = await publishedAppWithKey(workflowDocument());
    const client = { 'cf-connecting-ip': '203.0.113.20' };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // The test limit is 10 a minute; twice that and one more crosses at most one window boundary.
    for (let attempt = 0; attempt < 21 && !statuses.includes(429); attempt += 1) {
      const response = await request('/v1/runs/run_guessing0000000000', {
        token: guess(attempt),
        headers: client,
      });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after');
        await expectError(response, 429, 'rate_limited');
      } else await expectError(response, 401, 'unauthorized');
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(10);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Once over, a right guess is refused like a wrong one, so guessing learns nothing more.
    await expectError(await run('app_anything000000000', key, client), 429, 'rate_limited');
    await expectError(await request('/api/apps', { token: adminToken, headers: client }), 429);
    // Other addresses are not affected.
    expect((await request('/api/apps', { token: adminToken })).status).toBe(200);
  });

  it('counts wrong admin tokens too, but not requests without credentials', async () => {
    const client = { 'cf-connecting-ip': '203.0.113.21' };
    for (let attempt = 0; attempt < 25; attempt += 1) {
      await expectError(await request('/api/apps', { headers: client }), 401, 'unauthorized');
    }
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21 && !statuses.includes(429); attempt += 1) {
      const response = await request('/api/apps', { token: `wrong-${attempt}`, headers: client });
      statuses.push(response.status);
      await expectError(response, response.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(10);
  });
});
