import { PortError } from '@edgeflow/engine';
import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { toModelError } from './to-model-error.ts';

const context = {
  modelId: 'openai:gpt-4o-mini',
  keyVariable: 'OPENAI_API_KEY',
  secrets: ['sk-ours-123456789'],
  now: 0,
};

function apiError(
  statusCode: number | undefined,
  message: string,
  headers: Record<string, string> = {},
): APICallError {
  return new APICallError({
    message,
    url: 'https://api.openai.com/v1/chat/completions',
    requestBodyValues: {},
    ...(statusCode === undefined ? {} : { statusCode }),
    responseHeaders: headers,
  });
}

describe('toModelError', () => {
  it.each([
    [429, 'model_rate_limited', true],
    [408, 'model_unavailable', true],
    [500, 'model_unavailable', true],
    [529, 'model_unavailable', true],
    [401, 'model_auth_failed', false],
    [403, 'model_auth_failed', false],
    [404, 'model_not_found', false],
    [400, 'model_bad_request', false],
    [422, 'model_bad_request', false],
    [undefined, 'model_unavailable', true],
  ])('maps HTTP %s to %s (retryable: %s)', (status, code, retryable) => {
    const error = toModelError(apiError(status, 'Provider says no.'), context);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ code, retryable });
    expect(error.message).toMatch(/^openai:gpt-4o-mini: .*Provider says no\./);
  });

  it('keeps Retry-After and names the key variable on auth failures', () => {
    expect(toModelError(apiError(429, 'slow', { 'retry-after': '3' }), context)).toMatchObject({
      retryAfterMs: 3_000,
    });
    expect(toModelError(apiError(401, 'bad key'), context).message).toContain('Check OPENAI_API_KEY.');
  });

  it('scrubs keys and shortens long provider messages', () => {
    const error = toModelError(
      apiError(401, `Incorrect key sk-ours-123456789 ${'x'.repeat(1_000)}`),
      context,
    );
    expect(error.message).not.toContain('sk-ours');
    expect(error.message.length).toBeLessThan(450);
  });

  it('treats fetch’s network TypeError as retryable and other errors as model_error', () => {
    expect(toModelError(new TypeError('fetch failed'), context)).toMatchObject({
      code: 'model_unavailable',
      retryable: true,
    });
    expect(toModelError(new TypeError('x is not a function'), context)).toMatchObject({
      code: 'model_error',
      retryable: false,
    });
    expect(toModelError('weird', context)).toMatchObject({
      code: 'model_error',
      message: 'openai:gpt-4o-mini: weird',
    });
  });

  it('passes our own PortErrors through', () => {
    const own = new PortError('model_not_configured', 'set it', { retryable: false });
    expect(toModelError(own, context)).toBe(own);
  });
});
