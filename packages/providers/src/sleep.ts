import type { CancelSignal } from '@edgeflow/engine';

/** Resolves after `ms`, or as soon as `signal` aborts; never rejects (the same contract as the engine's `Clock.sleep`). */
export type Sleep = (ms: number, signal?: CancelSignal) => Promise<void>;

/** A `Sleep` on real timers that clears its timer when the signal aborts. */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
