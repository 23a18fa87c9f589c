import { describe, expect, it } from 'vitest';
import { failureOf, retryAfterSeconds } from './request-failure.ts';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('retryAfterSeconds', () => {
  it('reads delay-seconds and HTTP dates, never less than 1 s', () => {
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds(' 0 ', now)).toBe(1);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(1);
  });

  it('falls back to a minute when the header is missing or unreadable', () => {
    expect(retryAfterSeconds(null, now)).toBe(60);
    expect(retryAfterSeconds('soon', now)).toBe(60);
    expect(retryAfterSeconds('-5', now)).toBe(60);
  });
});

describe('failureOf', () => {
  const error = (status: number, headers: Record<string, string> = {}, body: unknown = null) =>
    failureOf(new Response(body === null ? null : JSON.stringify(body), { status, headers }), now);

  it('maps statuses to what the visitor is told', async () => {
    expect(await error(429, { 'retry-after': '12' })).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 12,
    });
    expect(await error(403)).toEqual({ kind: 'refused' });
    expect(await error(401)).toEqual({ kind: 'refused' });
    expect(await error(404)).toEqual({ kind: 'not-found' });
    expect(await error(502)).toEqual({ kind: 'unavailable' });
    expect(await error(503)).toEqual({ kind: 'unavailable' });
  });

  it("keeps the service's message for other client errors", async () => {
    const body = { error: { code: 'invalid_inputs', message: 'query is too long.', details: {} } };
    expect(await error(422, {}, body)).toEqual({ kind: 'rejected', message: 'query is too long.' });
    expect(await failureOf(new Response('oops', { status: 400, statusText: 'Bad Request' }), now)).toEqual({
      kind: 'rejected',
      message: 'Bad Request',
    });
  });
});
