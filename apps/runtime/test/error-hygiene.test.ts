import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Env } from '../src/env.ts';
import { adminRequest, createApp, createKey, publish, publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument, workflowDocument } from './helpers/documents.ts';
import { expectError, expectNoStackTrace } from './helpers/expect-error.ts';
import { runPath, runToEnd } from './helpers/run-stream.ts';
import { adminToken, request, send, testEnv } from './helpers/worker.ts';

let appId: string;
let key: string;

beforeAll(async () => {
  ({
    app: { id: appId },
    key,
  } = await publishedAppWithKey(workflowDocument('fuzz')));
});

/** Sends a request and checks the answer is a success or a clean 4xx, never a 5xx or a stack trace. */
async function expectCleanAnswer(path: string, init: Parameters<typeof send>[1]) {
  const { response, settle } = await send(path, init);
  const text = await response.text();
  await settle();
  expect(response.status, `${init?.method} ${path} → ${text.slice(0, 300)}`).toBeLessThan(500);
  expectNoStackTrace(text);
  if (response.status >= 400) {
    await expectError(
      new Response(text, { status: response.status, headers: response.headers }),
      response.status,
    );
  }
  return response.status;
}

describe('unknown paths and methods', () => {
  it('answer 404 in the error shape, also under /api and /v1 with valid credentials', async () => {
    await expectError(await request('/nope'), 404, 'not_found');
    await expectError(await request('/'), 404, 'not_found');
    await expectError(await request(`/${'x'.repeat(10_000)}`), 404, 'not_found');
    await expectError(await request('/healthz/extra'), 404, 'not_found');
    await expectError(await request('/healthz', { method: 'DELETE' }), 404);
    await expectError(await request('/api/nope', { token: adminToken }), 404, 'not_found');
    await expectError(await request('/api/apps/x/y/z', { token: adminToken }), 404, 'not_found');
    await expectError(await request('/api/apps', { token: adminToken, method: 'PUT', json: {} }), 404);
    await expectError(await request('/v1/nope', { token: key }), 404, 'not_found');
    await expectError(await request(`/v1/apps/${appId}`, { token: key }), 404, 'not_found');
    for (const path of ['/api/apps/%2e%2e', '/api/apps/..%2fapps', '/api/runs/%00', '/api/apps/%E0%A4%A']) {
      const response = await request(path, { token: adminToken });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      await expectError(response, response.status);
    }
  });
});

describe('bodies no route expects', () => {
  it('are refused with a 4xx and no stack trace, even when hostile', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const hostile = [
      deep,
      `{"inputs":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
      '{"__proto__":{"isAdmin":true},"name":"x"}',
      '{"constructor":{"prototype":{"polluted":true}},"name":"x"}',
      '\u0000\u0001\u0002',
      '\uFEFF{"name":"bom"}',
      '{"name":"x"}{"name":"y"}',
      '{"name": "\uD800"}',
      '1e999999',
    ];
    const routes: [string, string, string][] = [
      ['POST', '/api/apps', adminToken],
      ['PATCH', `/api/apps/${appId}`, adminToken],
      ['PUT', `/api/apps/${appId}/draft`, adminToken],
      ['POST', '/api/graph/validate', adminToken],
      ['POST', runPath(appId), key],
    ];
    for (const [method, path, token] of routes) {
      for (const body of hostile) {
        await expectCleanAnswer(path, {
          method,
          token,
          body,
          headers: { 'content-type': 'application/json' },
        });
      }
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fuzzed JSON and content types on every JSON route never cause a 5xx, and the worker keeps serving', async () => {
    const draftApp = await createApp({ name: 'fuzz target', graph: chatDocument() });
    const routes: [string, string, string][] = [
      ['POST', '/api/apps', adminToken],
      ['PATCH', `/api/apps/${draftApp.id}`, adminToken],
      ['PUT', `/api/apps/${draftApp.id}/draft`, adminToken],
      ['POST', `/api/apps/${draftApp.id}/publish`, adminToken],
      ['POST', `/api/apps/${draftApp.id}/keys`, adminToken],
      ['POST', `/api/apps/${draftApp.id}/draft/runs`, adminToken],
      ['POST', '/api/graph/validate', adminToken],
      ['POST', runPath(appId), key],
    ];
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc
        .dictionary(
          fc.constantFrom('name', 'inputs', 'stream', 'kind', 'graph', 'note', 'settings', 'mode'),
          fc.jsonValue(),
        )
        .map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 200 }),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      '',
      'application/vnd.api+json',
      'multipart/form-data',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        body,
        contentType,
        async ([method, path, token], text, type) => {
          await expectCleanAnswer(path, {
            method,
            token,
            body: text,
            ...(type === '' ? {} : { headers: { 'content-type': type } }),
          });
        },
      ),
      { numRuns: 120, seed: 20_261_125 },
    );
    // Still serving, and still right.
    expect((await request('/healthz')).status).toBe(200);
    expect((await runToEnd(runPath(appId), key, { inputs: { query: 'after' } })).outputs).toEqual({
      result: 'fuzz: after',
    });
    expect((await adminRequest('/api/apps')).status).toBe(200);
  });
});

describe('failures on our side', () => {
  it('answer 500 internal_error without a stack trace or the database error', async () => {
    const failure = new Error('D1_ERROR: no such table: apps: SQLITE_ERROR\n    at query (/src/db.ts:10:5)');
    const broken = {
      prepare: () => {
        throw failure;
      },
      batch: () => Promise.reject(failure),
      exec: () => Promise.reject(failure),
    } as unknown as D1Database;
    const down: Env = { ...testEnv, DB: broken };
    // The operator's log gets the cause; the caller does not.
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const [path, init] of [
      ['/api/apps', { token: adminToken }],
      ['/api/apps', { token: adminToken, json: { name: 'x' } }],
      [runPath('app_never0000000000000'), { token: `ef_sk_${'z'.repeat(43)}`, json: {} }],
    ] as const) {
      const response = await request(path, { ...init, env: down });
      const error = await expectError(response, 500, 'internal_error');
      expect(JSON.stringify(error)).not.toMatch(/SQLITE|no such table|D1_ERROR|db\.ts/);
    }
    expect(log).toHaveBeenCalledTimes(3);
    log.mockRestore();
    expect((await request('/healthz')).status).toBe(200);
  });

  it('answers 500 internal_error when a stored version no longer compiles', async () => {
    const app = await createApp({ name: 'Rotten version', graph: workflowDocument() });
    await publish(app.id);
    const { key } = await createKey(app.id);
    await env.DB.prepare('update app_versions set document = ? where app_id = ?')
      .bind(JSON.stringify({ schema: 'edgeflow/workflow@1', nodes: 'gone' }), app.id)
      .run();
    const response = await request(runPath(app.id), { token: key, json: { inputs: { query: 'q' } } });
    await expectError(response, 500, 'internal_error');
  });
});
