import { conversationMessageListSchema, type RunResult, widgetConfigSchema } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import { adminRequest, runCount } from './helpers/admin.ts';
import { chatDocument, workflowDocument } from './helpers/documents.ts';
import { expectError, expectOpenAiError } from './helpers/expect-error.ts';
import { runPath } from './helpers/run-stream.ts';
import { newVisitor, shop, widgetApp, widgetRequest } from './helpers/widget.ts';
import { request } from './helpers/worker.ts';

const messagesPath = (appId: string, conversationId: string) =>
  `/v1/apps/${appId}/conversations/${conversationId}/messages`;

async function widgetRun(appId: string, key: string, visitor: string, body: Record<string, unknown>) {
  const response = await widgetRequest(runPath(appId), key, visitor, { json: { ...body, stream: false } });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as RunResult;
}

describe('widget visitors and their conversations', () => {
  it('keeps each visitor to their own thread, across reloads', async () => {
    const { app, publishableKey, key } = await widgetApp(chatDocument({ memoryTurns: 3 }));
    const [alice, bob] = [newVisitor(), newVisitor()];
    const first = await widgetRun(app.id, publishableKey, alice, { inputs: { query: 'alice asks' } });
    const conversationId = first.conversationId ?? '';
    expect(conversationId).toMatch(/^conv_/);
    await widgetRun(app.id, publishableKey, alice, { inputs: { query: 'again' }, conversationId });

    // After a reload, the same visitor reads the thread back.
    const listed = await widgetRequest(messagesPath(app.id, conversationId), publishableKey, alice);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe(shop);
    const { messages } = conversationMessageListSchema.parse(await listed.json());
    expect(messages.map((message) => message.content)).toEqual([
      'alice asks',
      'Echo: alice asks',
      'again',
      'Echo: again',
    ]);

    // Another visitor with the same key, the app's secret key, or no visitor: nothing.
    await expectError(await widgetRequest(messagesPath(app.id, conversationId), publishableKey, bob), 404);
    await expectError(
      await widgetRequest(runPath(app.id), publishableKey, bob, {
        json: { inputs: { query: 'bob' }, conversationId, stream: false },
      }),
      404,
      'not_found',
    );
    await expectError(await request(messagesPath(app.id, conversationId), { token: key }), 404);
    await expectError(
      await widgetRequest(messagesPath(app.id, conversationId), publishableKey, null),
      400,
      'visitor_required',
    );
    // The visitor's id is stored only as a hash.
    const row = await adminRequest(`/api/apps/${app.id}/runs`);
    expect(await row.text()).not.toContain(alice);
  });

  it('records widget runs as such and refuses runs without a usable visitor id', async () => {
    const { app, publishableKey } = await widgetApp(workflowDocument());
    const result = await widgetRun(app.id, publishableKey, newVisitor(), { inputs: { query: 'hi' } });
    const record = await adminRequest(`/api/runs/${result.runId}`);
    expect(((await record.json()) as { source: string }).source).toBe('widget');
    const json = { inputs: { query: 'hi' }, stream: false };
    await expectError(
      await widgetRequest(runPath(app.id), publishableKey, null, { json }),
      400,
      'visitor_required',
    );
    for (const weak of [
      'short',
      'a'.repeat(129),
      'has spaces in it and is long enough',
      'ünïcode-ünïcode-ünïcode',
    ]) {
      await expectError(
        await widgetRequest(runPath(app.id), publishableKey, weak, { json }),
        400,
        'invalid_request',
      );
    }
    expect(await runCount(app.id)).toBe(1);
  });
});

describe('what a publishable key may do', () => {
  it('only runs its app, reads its visitors’ threads and the widget settings', async () => {
    const { app, publishableKey } = await widgetApp(chatDocument());
    const visitor = newVisitor();
    const result = await widgetRun(app.id, publishableKey, visitor, { inputs: { query: 'hi' } });
    for (const [path, init] of [
      [`/v1/runs/${result.runId}`, {}],
      ['/v1/models', {}],
      ['/v1/chat/completions', { json: { model: app.id, messages: [{ role: 'user', content: 'hi' }] } }],
    ] as const) {
      const refused = await widgetRequest(path, publishableKey, visitor, init);
      expect(refused.headers.get('access-control-allow-credentials')).toBeNull();
      expect(refused.status).toBe(403);
      // The OpenAI endpoint answers in OpenAI's error shape; the others in the contract's.
      if (path.startsWith('/v1/runs/')) await expectError(refused, 403, 'forbidden');
      else await expectOpenAiError(refused, 403, 'forbidden');
    }
    const other = await widgetApp(chatDocument());
    await expectError(
      await widgetRequest(runPath(other.app.id), publishableKey, newVisitor(), {
        json: { inputs: { query: 'x' } },
      }),
      404,
      'not_found',
    );
    await expectError(
      await widgetRequest(`/v1/apps/${other.app.id}/widget`, publishableKey, newVisitor()),
      404,
    );
  });

  it('answers the widget settings with defaults filled in', async () => {
    const { app, publishableKey } = await widgetApp(chatDocument({ name: 'Shop helper' }));
    const plain = await widgetRequest(`/v1/apps/${app.id}/widget`, publishableKey, null);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('access-control-allow-origin')).toBe(shop);
    expect(widgetConfigSchema.parse(await plain.json())).toEqual({
      name: 'Shop helper',
      greeting: null,
      theme: { primaryColor: '#2563eb', mode: 'auto', position: 'bottom-right' },
    });
    const settings = { greeting: '你好！', theme: { primaryColor: '#ff0000', position: 'bottom-left' } };
    const patched = await adminRequest(`/api/apps/${app.id}`, { method: 'PATCH', json: { settings } });
    expect(patched.status).toBe(200);
    const configured = await widgetRequest(`/v1/apps/${app.id}/widget`, publishableKey, null);
    expect(await configured.json()).toEqual({
      name: 'Shop helper',
      greeting: '你好！',
      theme: { primaryColor: '#ff0000', mode: 'auto', position: 'bottom-left' },
    });
  });
});

describe('CORS (SECURITY 12)', () => {
  const preflight = (path: string, origin: string, method = 'POST') =>
    request(path, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type, x-edgeflow-visitor',
      },
    });

  it('answers a preflight from an allowed origin on the widget’s paths', async () => {
    const { app } = await widgetApp(chatDocument(), [shop, 'http://localhost:3000']);
    for (const path of [
      runPath(app.id),
      `/v1/apps/${app.id}/widget`,
      messagesPath(app.id, 'conv_x0000000000000'),
    ]) {
      const response = await preflight(path, shop);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(shop);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toContain('x-edgeflow-visitor');
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    }
    expect((await preflight(runPath(app.id), 'http://localhost:3000')).status).toBe(204);
  });

  it('gives no CORS headers to other origins, other apps, secret-only paths, or after revocation', async () => {
    const { app, publishableKeyId } = await widgetApp(chatDocument());
    const refusals = [
      await preflight(runPath(app.id), 'https://evil.example'),
      await preflight(runPath(app.id), `${shop}.evil.example`),
      await preflight(runPath(app.id), 'null'),
      await preflight(runPath(app.id), shop, 'DELETE'),
      await preflight(runPath('app_unknown00000000000'), shop),
      await preflight('/v1/chat/completions', shop),
      await preflight('/v1/models', shop, 'GET'),
      await preflight(`/v1/runs/run_x000000000000000`, shop, 'GET'),
    ];
    for (const [index, response] of refusals.entries()) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      // The OpenAI endpoint's two paths answer in OpenAI's error shape.
      if (index === 5 || index === 6) await expectOpenAiError(response, 403, 'origin_not_allowed');
      else await expectError(response, 403, 'origin_not_allowed');
    }
    expect((await preflight(runPath(app.id), shop)).status).toBe(204);
    await adminRequest(`/api/apps/${app.id}/keys/${publishableKeyId}`, { method: 'DELETE' });
    await expectError(await preflight(runPath(app.id), shop), 403, 'origin_not_allowed');
  });

  it('lets an allowed page read its errors, and never answers another origin', async () => {
    const { app, publishableKey } = await widgetApp(chatDocument());
    const refused = await widgetRequest(runPath(app.id), publishableKey, null, { json: {} });
    expect(refused.headers.get('access-control-allow-origin')).toBe(shop);
    expect(refused.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
    await expectError(refused, 400, 'visitor_required');
    const evil = await widgetRequest(runPath(app.id), publishableKey, newVisitor(), {
      origin: 'https://evil.example',
      json: {},
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    await expectError(evil, 403, 'origin_not_allowed');
  });
});
