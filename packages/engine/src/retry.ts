import { elapsedSince } from './elapsed.ts';
import { cancelledError, type NodeError, toNodeError } from './node-error.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';

export interface RetryPolicy {
  /** Tries per model (or in all, for nodes without a model), the first included. */
  readonly attempts: number;
  /** Wait before the second try; doubles for each further one. */
  readonly backoffMs: number;
}

/**
 * Runs `tryOnce` under the node's timeout until it succeeds: up to `attempts` tries for each model in
 * order (fallback models after the primary's tries), backing off between tries of the same model.
 * An error that cannot be retried moves on to the next model; nothing is tried again once the caller
 * saw this node's text or a tool ran.
 * Every try is recorded on the runtime (node-end reports them when there was more than one).
 */
export async function withRetries<Value>(
  runtime: NodeRuntime,
  policy: RetryPolicy,
  models: readonly (string | undefined)[],
  fallbackCode: string,
  tryOnce: (model: string | undefined, signal: CancelSignal) => Promise<Value>,
): Promise<Value> {
  const clock = runtime.run.clock;
  const tries = Math.max(1, Math.floor(policy.attempts));
  let last: NodeError | undefined;
  for (const model of models) {
    for (let attempt = 1; attempt <= tries; attempt += 1) {
      if (attempt > 1) {
        await runtime.sleep(policy.backoffMs * 2 ** (attempt - 2));
        if (runtime.scope.aborted) throw cancelledError();
      }
      const started = clock.now();
      runtime.beginAttempt();
      try {
        const value = await runtime.attempt((signal) => tryOnce(model, signal));
        runtime.recordSuccess(runtime.nextAttemptNumber(), model, elapsedSince(clock.now(), started));
        return value;
      } catch (error) {
        const failure = toNodeError(error, fallbackCode);
        runtime.recordAttempt({
          number: runtime.nextAttemptNumber(),
          ...(model === undefined ? {} : { model }),
          status: 'failed',
          error: { code: failure.code, message: failure.message },
          elapsedMs: elapsedSince(clock.now(), started),
        });
        if (runtime.retryBlocked || runtime.scope.aborted) throw failure;
        last = failure;
        // A failure that another try cannot fix may still be fixed by the next model.
        if (!failure.retryable) break;
      }
    }
  }
  throw last ?? cancelledError();
}
