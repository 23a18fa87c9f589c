import type { CancelSignal, PortError } from '@edgeflow/engine';
import { cancellationError } from './model-error.ts';
import type { ProviderOptions } from './provider-options.ts';
import { decideRetry, type RetryPolicy, resolveRetryPolicy } from './retry-policy.ts';
import { type Sleep, timerSleep } from './sleep.ts';

/** The retry settings of one port or embedder, resolved once. */
export interface Retrier {
  /**
   * What follows failed try `attempt`: resolves after the backoff when another try should be made,
   * rejects with the error to report when not (or with `cancelled` when the signal aborts meanwhile).
   */
  afterFailure(
    model: string,
    error: PortError,
    attempt: number,
    signal: CancelSignal | undefined,
  ): Promise<void>;
  /**
   * The wait before another try after failed try `attempt`, or throws the error to report when there
   * should be none. Pair with `wait`; `afterFailure` is both in one.
   */
  decide(model: string, error: PortError, attempt: number, signal: CancelSignal | undefined): number;
  wait(delayMs: number, signal: CancelSignal | undefined): Promise<void>;
  readonly policy: RetryPolicy;
}

export function createRetrier(options: ProviderOptions): Retrier {
  const policy = resolveRetryPolicy(options.retry);
  const sleep: Sleep = options.sleep ?? timerSleep;
  const random = options.random ?? Math.random;
  const decide = (model: string, error: PortError, attempt: number, signal: CancelSignal | undefined) => {
    if (signal?.aborted) throw cancellationError();
    const decision = decideRetry(error, attempt, policy, random());
    if (!decision.retry) throw decision.error;
    options.onRetry?.({ model, attempt, delayMs: decision.delayMs, error });
    return decision.delayMs;
  };
  const wait = async (delayMs: number, signal: CancelSignal | undefined) => {
    await sleep(delayMs, signal);
    if (signal?.aborted) throw cancellationError();
  };
  return {
    policy,
    decide,
    wait,
    async afterFailure(model, error, attempt, signal) {
      await wait(decide(model, error, attempt, signal), signal);
    },
  };
}

/** Runs `once` until it succeeds or the retrier gives up; for calls that deliver nothing partial. */
export async function withRetries<Value>(
  retrier: Retrier,
  model: string,
  signal: CancelSignal | undefined,
  once: () => Promise<Value>,
  toError: (error: unknown) => PortError,
): Promise<Value> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await once();
    } catch (error) {
      if (signal?.aborted) throw cancellationError();
      await retrier.afterFailure(model, toError(error), attempt, signal);
    }
  }
}
