import type { CancelSignal, Clock } from '@edgeflow/engine';

/** The engine's clock on the Worker's timers; sleeps end early (and clear their timer) on abort. */
export const workersClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal?: CancelSignal) {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    });
  },
};
