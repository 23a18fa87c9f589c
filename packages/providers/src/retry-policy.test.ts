import { PortError } from '@edgeflow/engine';
import { describe, expect, it } from 'vitest';
import { ModelError } from './model-error.ts';
import { decideRetry, defaultRetryPolicy, resolveRetryPolicy } from './retry-policy.ts';

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };
const unavailable = new ModelError('model_unavailable', 'down', { retryable: true, status: 503 });

describe('decideRetry', () => {
  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    expect(decideRetry(unavailable, 1, policy, 0)).toEqual({ retry: true, delayMs: 50 });
    expect(decideRetry(unavailable, 1, policy, 0.999_999)).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry(unavailable, 2, policy, 0)).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry(unavailable, 3, policy, 0.5)).toEqual({ retry: true, delayMs: 300 });
    const capped = decideRetry(unavailable, 3, { ...policy, attempts: 10, maxDelayMs: 150 }, 0.999_999);
    expect(capped).toEqual({ retry: true, delayMs: 150 });
  });

  it('never waits less than the provider asked', () => {
    const limited = new ModelError('model_rate_limited', 'slow down', {
      retryable: true,
      status: 429,
      retryAfterMs: 800,
    });
    expect(decideRetry(limited, 1, policy, 0)).toEqual({ retry: true, delayMs: 800 });
  });

  it('gives up at once, not retryable, when the provider asks for more than the cap', () => {
    const limited = new ModelError('model_rate_limited', 'm: slow down.', {
      retryable: true,
      status: 429,
      retryAfterMs: 60_000,
    });
    const decision = decideRetry(limited, 1, policy, 0);
    expect(decision.retry).toBe(false);
    if (decision.retry) return;
    expect(decision.error).toMatchObject({ code: 'model_rate_limited', retryable: false, status: 429 });
    expect(decision.error.message).toBe(
      'm: slow down. The provider asked to wait 60 s, longer than the 1 s we wait at most.',
    );
  });

  it('gives up after the last try, and on errors another try cannot fix', () => {
    expect(decideRetry(unavailable, 4, policy, 0)).toEqual({ retry: false, error: unavailable });
    const refused = new PortError('model_auth_failed', 'bad key', { retryable: false });
    expect(decideRetry(refused, 1, policy, 0)).toEqual({ retry: false, error: refused });
  });
});

describe('resolveRetryPolicy', () => {
  it('fills defaults and clamps nonsense', () => {
    expect(resolveRetryPolicy()).toEqual(defaultRetryPolicy);
    expect(defaultRetryPolicy.attempts).toBe(3);
    expect(resolveRetryPolicy({ attempts: 0, baseDelayMs: -1, maxDelayMs: Number.NaN })).toEqual({
      attempts: 1,
      baseDelayMs: 0,
      maxDelayMs: defaultRetryPolicy.maxDelayMs,
    });
  });
});
