import type { CancelSignal } from './cancel-signal.ts';

/**
 * Time for the engine: elapsed times, `sys.now`, retry backoff, node timeouts and the wall-time limit
 * all go through it, so the engine itself owns no timers and tests can run on a fake clock.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch; fractions are welcome (elapsed times are rounded). */
  now(): number;
  /**
   * Resolves once `ms` have passed, or as soon as `signal` aborts; it never rejects. The engine aborts
   * the signal of every sleep it no longer needs (a finished node's timeout), so an implementation
   * should clear its timer on abort rather than keep the process busy.
   */
  sleep(ms: number, signal?: CancelSignal): Promise<void>;
}
