import { exports } from 'cloudflare:workers';
import { type Route, routes } from '@edgeflow/api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../src/env.ts';
import { createKey, publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument } from './helpers/documents.ts';
import { expectError, expectOpenAiError } from './helpers/expect-error.ts';
import { runPath, runToEnd } from './helpers/run-stream.ts';
import { adminToken, origin, request, type SendInit, testEnv } from './helpers/worker.ts';

// Real ids where the runtime has them, so a 401 can only come from the auth check, never from
// "there is nothing here"; plausible ids for the resources not implemented yet.
const ids: Record<string, string> = {
  kbId: 'kb_0123456789abcdefghij',
  docId: 'doc_0123456789abcdefghij',
  name: 'support_token',
};

const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `${name}_x`);

const protectedRoutes = routes.filter((route) => route.credentials.length > 0);
const label = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;

/** The route's error check: the OpenAI-compatible routes answer in OpenAI's shape (`invalid_api_key` for 401). */
const expectRouteError = (route: Route, response: Response, status: number, code?: string) =>
  route.errorShape === 'openai'
    ? expectOpenAiError(response, status, code === 'unauthorized' ? 'invalid_api_key' : code)
    : expectError(response, status, code);

/** The request of `route` with a body where it takes one, so only the credentials are wrong. */
const requestOf = (route: Route, init: SendInit): [string, SendInit] => [
  fill(route.path),
  {
    method: route.method.toUpperCase(),
    ...(route.method === 'get' || route.method === 'delete' ? {} : { json: {} }),
    ...init,
  },
];

beforeAll(async () => {
  const { app, key, keyId } = await publishedAppWithKey(chatDocument({ name: 'route walk' }));
  const run = await runToEnd(runPath(app.id), key, { inputs: { query: 'hello' } });
  ids.appId = app.id;
  ids.keyId = keyId;
  ids.runId = run.runId;
  ids.conversationId = run.conversationId ?? 'conv_x';
  ids.secretKey = key;
  ids.publishableKey = (
    await createKey(app.id, { kind: 'publishable', allowedOrigins: ['https://shop.example'] })
  ).key;
});

describe('the route table (SECURITY 11)', () => {
  it('covers management, knowledge, secrets, OpenAI and widget routes', () => {
    const paths = protectedRoutes.map((route) => route.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/apps',
        '/api/knowledge-bases',
        '/api/secrets/{name}',
        '/v1/chat/completions',
        '/v1/apps/{appId}/widget',
        '/v1/runs/{runId}',
      ]),
    );
    expect(protectedRoutes.length).toBeGreaterThan(30);
  });

  it.each(protectedRoutes.map((route) => [label(route), route] as const))(
    '%s answers 401 without credentials or with wrong ones',
    async (_, route) => {
      const wrongTokens: (string | null)[] = [
        null,
        'wrong-token',
        `${adminToken}x`,
        adminToken.slice(0, -1),
        `ef_sk_${'A'.repeat(43)}`,
        `ef_pk_${'A'.repeat(43)}`,
      ];
      for (const token of wrongTokens) {
        const error = await expectRouteError(
          route,
          await request(...requestOf(route, { token })),
          401,
          'unauthorized',
        );
        expect(error.message).not.toContain(adminToken);
      }
      // Not a bearer token at all: Basic auth, or the token without its scheme.
      for (const authorization of [`Basic ${btoa(`admin:${adminToken}`)}`, adminToken, 'Bearer']) {
        const response = await request(...requestOf(route, { headers: { authorization } }));
        await expectRouteError(route, response, 401, 'unauthorized');
      }
    },
  );

  it.each(
    protectedRoutes
      .filter((route) => !route.credentials.includes('adminToken'))
      .map((route) => [label(route), route] as const),
  )('%s refuses the admin token from a browser page or in place of an app key', async (_, route) => {
    const response = await request(...requestOf(route, { token: adminToken }));
    // The admin token is not an app key: never a success, whatever the route does with it.
    expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await expectRouteError(route, response, response.status);
  });

  it.each(
    protectedRoutes
      .filter((route) => route.path.startsWith('/api/'))
      .map((route) => [label(route), route] as const),
  )('%s refuses app keys (admin only)', async (_, route) => {
    for (const key of [ids.secretKey, ids.publishableKey]) {
      const response = await request(
        ...requestOf(route, { token: key ?? null, headers: { origin: 'https://shop.example' } }),
      );
      // 401 today; API.md's 403 ("credentials that may not do this") would be as good.
      expect([401, 403]).toContain(response.status);
      await expectError(response, response.status);
    }
  });

  it.each(['/healthz', '/openapi.json', '/docs'])('%s is public and answers 200', async (path) => {
    const response = await request(path);
    expect(response.status).toBe(200);
    if (path === '/healthz') expect(await response.json()).toEqual({ ok: true });
    if (path === '/openapi.json') {
      const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toBe('3.1.0');
      for (const route of routes) expect(document.paths[route.path], route.path).toBeDefined();
    }
    if (path === '/docs') expect(await response.text()).toContain('/openapi.json');
  });

  it('answers 503 admin_not_configured on /api/* when no ADMIN_TOKEN is set, whatever is sent', async () => {
    const { ADMIN_TOKEN: _, ...rest } = testEnv;
    const closed: Env = rest;
    for (const [path, init] of [
      ['/api/apps', {}],
      ['/api/apps', { token: adminToken, method: 'POST', json: { name: 'x' } }],
      ['/api/models', { token: '' }],
      ['/api/nothing-here', { token: 'undefined' }],
      ['/api/knowledge-bases', { token: 'null' }],
    ] as const) {
      await expectError(await request(path, { ...init, env: closed }), 503, 'admin_not_configured');
    }
    // An empty ADMIN_TOKEN is no token: it must not let an empty bearer in.
    const empty: Env = { ...testEnv, ADMIN_TOKEN: '' };
    await expectError(
      await request('/api/apps', { env: empty, headers: { authorization: 'Bearer ' } }),
      503,
      'admin_not_configured',
    );
    // /v1 stays closed to the (absent) admin token too.
    await expectError(
      await request(`/v1/runs/${ids.runId}`, { token: adminToken, env: closed }),
      401,
      'unauthorized',
    );
    expect((await request('/healthz', { env: closed })).status).toBe(200);
  });
});

describe('the real entry point', () => {
  it('serves the same app through exports.default.fetch', async () => {
    const health = await exports.default.fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await health.json()).toEqual({ ok: true });
    await expectError(await exports.default.fetch(`${origin}/api/apps`), 401, 'unauthorized');
    const apps = await exports.default.fetch(`${origin}/api/apps`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(apps.status).toBe(200);
    const body = (await apps.json()) as { apps: { id: string }[] };
    expect(body.apps.map((app) => app.id)).toContain(ids.appId);
  });
});
