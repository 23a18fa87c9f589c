import { describe, expect, it } from 'vitest';
import { chatDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { newVisitor, shop, widgetApp, widgetRequest } from './helpers/widget.ts';
import { request } from './helpers/worker.ts';

// The worker tests run with small limits (vitest.config.ts): 5 a minute per visitor, 12 per client
// address, 30 per app. Windows follow the clock, so each flood sends up to twice the limit and one
// more: crossing one window boundary on the way cannot hide the limit.
const widgetPath = (appId: string) => `/v1/apps/${appId}/widget`;

/** Sends until the first 429; answers the statuses and that 429. */
async function flood(send: (attempt: number) => Promise<Response>, limit: number) {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 2 * limit + 1; attempt += 1) {
    const response = await send(attempt);
    statuses.push(response.status);
    if (response.status === 429) return { statuses, refused: response };
    expect(response.status, await response.text()).toBe(200);
  }
  throw new Error(`no 429 after ${statuses.length} requests`);
}

async function expectRateLimited(response: Response) {
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  // The widget can read the refusal: CORS for its origin, Retry-After exposed.
  expect(response.headers.get('access-control-allow-origin')).toBe(shop);
  expect(response.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
  const error = await expectError(response, 429, 'rate_limited');
  expect(error.details).toEqual({ retryAfterSeconds: retryAfter });
}

describe('rate limits of publishable keys (SECURITY 15)', () => {
  it('limits one visitor, and only that visitor', async () => {
    const { app, publishableKey } = await widgetApp(chatDocument());
    const visitor = newVisitor();
    const { statuses, refused } = await flood(
      () => widgetRequest(widgetPath(app.id), publishableKey, visitor),
      5,
    );
    expect(statuses.length).toBeGreaterThan(5);
    await expectRateLimited(refused);
    // Runs count too, and are refused before anything runs.
    const run = await widgetRequest(`/v1/apps/${app.id}/runs`, publishableKey, visitor, {
      json: { inputs: { query: 'x' } },
    });
    await expectRateLimited(run);
    expect((await widgetRequest(widgetPath(app.id), publishableKey, newVisitor())).status).toBe(200);
  });

  it('limits one client address whatever visitor ids it sends', async () => {
    const { app, publishableKey } = await widgetApp(chatDocument());
    const client = { 'cf-connecting-ip': '203.0.113.40' };
    const { refused } = await flood(
      () => widgetRequest(widgetPath(app.id), publishableKey, newVisitor(), { headers: client }),
      12,
    );
    await expectRateLimited(refused);
    expect((await widgetRequest(widgetPath(app.id), publishableKey, newVisitor())).status).toBe(200);
  });

  it('limits the app as a whole, not other apps, and not its secret keys', async () => {
    const { app, key, publishableKey } = await widgetApp(chatDocument());
    const { refused } = await flood(
      () => widgetRequest(widgetPath(app.id), publishableKey, newVisitor()),
      30,
    );
    await expectRateLimited(refused);
    const other = await widgetApp(chatDocument());
    expect((await widgetRequest(widgetPath(other.app.id), other.publishableKey, newVisitor())).status).toBe(
      200,
    );
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await request(widgetPath(app.id), { token: key })).status).toBe(200);
    }
  });
});

describe('rate limits of preflights', () => {
  it('counts preflights per client address, since they carry no key', async () => {
    const { app } = await widgetApp(chatDocument());
    const client = { 'cf-connecting-ip': '203.0.113.41' };
    const preflight = () =>
      request(`/v1/apps/${app.id}/runs`, {
        method: 'OPTIONS',
        headers: { ...client, origin: shop, 'access-control-request-method': 'POST' },
      });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25 && !statuses.includes(429); attempt += 1) {
      const response = await preflight();
      statuses.push(response.status);
      if (response.status === 429) await expectError(response, 429, 'rate_limited');
      else expect(response.status).toBe(204);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 204).length).toBeGreaterThanOrEqual(12);
  });
});
