import type { CancelSignal } from '../ports/cancel-signal.ts';
import type { Clock } from '../ports/clock.ts';

/**
 * The host's timers, reached through globalThis: the engine is typed without DOM or Node globals,
 * and every JavaScript host the tests run on has these.
 */
interface HostTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  performance?: { now(): number; readonly timeOrigin: number };
}

/**
 * A clock on real timers (`setTimeout`, `performance.now`); `sleep` clears its timer when its signal
 * aborts. For tests, benchmarks and local scripts; the runtime brings its own.
 */
export function createTimerClock(): Clock {
  const host = globalThis as unknown as HostTimers;
  const performance = host.performance;
  return {
    now: performance ? () => performance.timeOrigin + performance.now() : () => Date.now(),
    sleep(ms: number, signal?: CancelSignal): Promise<void> {
      if (signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const done = (): void => {
          host.clearTimeout(handle);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const handle = host.setTimeout(done, Math.max(0, ms));
        signal?.addEventListener('abort', done, { once: true });
      });
    },
  };
}
