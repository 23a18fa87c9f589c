import type { PortError } from '@edgeflow/engine';
import { ModelError } from './model-error.ts';

/** How a provider call is retried; the AI SDK's own retries are off, so this is the only policy. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** Backoff before the second try; it doubles for each further one (with jitter). */
  readonly baseDelayMs: number;
  /** No wait is longer: a `Retry-After` above it fails the call instead of sleeping that long. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 20_000 };

/** Fills a partial policy with the defaults and keeps every number sane. */
export function resolveRetryPolicy(policy: Partial<RetryPolicy> = {}): RetryPolicy {
  const attempts = Math.floor(policy.attempts ?? defaultRetryPolicy.attempts);
  const baseDelayMs = policy.baseDelayMs ?? defaultRetryPolicy.baseDelayMs;
  const maxDelayMs = policy.maxDelayMs ?? defaultRetryPolicy.maxDelayMs;
  return {
    attempts: Number.isFinite(attempts) ? Math.max(1, attempts) : defaultRetryPolicy.attempts,
    baseDelayMs: Number.isFinite(baseDelayMs) ? Math.max(0, baseDelayMs) : defaultRetryPolicy.baseDelayMs,
    maxDelayMs: Number.isFinite(maxDelayMs) ? Math.max(0, maxDelayMs) : defaultRetryPolicy.maxDelayMs,
  };
}

/** Either wait this long and try again, or give up with this error. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly error: PortError };

/**
 * Decides what follows failed try number `attempt` (from 1): "equal jitter" exponential backoff
 * capped at `maxDelayMs`, never shorter than the provider's `Retry-After`. A `Retry-After` beyond the
 * cap gives up at once with a non-retryable error, so no caller sleeps for minutes on our behalf.
 * @param random A number in [0, 1), `Math.random` outside tests.
 */
export function decideRetry(
  error: PortError,
  attempt: number,
  policy: RetryPolicy,
  random: number,
): RetryDecision {
  if (!error.retryable || attempt >= policy.attempts) return { retry: false, error };
  const asked = error instanceof ModelError ? error.retryAfterMs : undefined;
  if (asked !== undefined && asked > policy.maxDelayMs) {
    return { retry: false, error: tooLongToWait(error, asked, policy.maxDelayMs) };
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (random * exponential) / 2;
  return { retry: true, delayMs: Math.ceil(Math.max(jittered, asked ?? 0)) };
}

function tooLongToWait(error: PortError, askedMs: number, capMs: number): ModelError {
  const code = error instanceof ModelError ? error.code : 'model_unavailable';
  const status = error instanceof ModelError ? error.status : undefined;
  const seconds = (milliseconds: number): string => `${Math.ceil(milliseconds / 1000)} s`;
  return new ModelError(
    code,
    `${error.message} The provider asked to wait ${seconds(askedMs)}, longer than the ${seconds(capMs)} we wait at most.`,
    { retryable: false, ...(status === undefined ? {} : { status }), retryAfterMs: askedMs },
  );
}
