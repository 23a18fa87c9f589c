import type { CancelSignal } from '../ports/cancel-signal.ts';
import type { Clock } from '../ports/clock.ts';

export interface ManualClock extends Clock {
  /** Moves time forward, waking each sleeper in time order and letting it run before the next. */
  advance(ms: number): Promise<void>;
  /** Lengths of every sleep requested so far, in order (timeouts included). */
  readonly sleeps: number[];
  /** Sleeps not yet over. */
  readonly pending: number;
}

interface Sleeper {
  readonly at: number;
  readonly wake: () => void;
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 100; turn += 1) await Promise.resolve();
}

/**
 * A clock whose time moves only when told to: deterministic backoff, timeout and wall-time tests.
 * @example const clock = createManualClock(); const events = collectEvents(run(plan, opts)); await clock.advance(500);
 */
export function createManualClock(start = Date.UTC(2025, 0, 1)): ManualClock {
  let now = start;
  const sleepers = new Set<Sleeper>();
  const sleeps: number[] = [];
  return {
    sleeps,
    get pending() {
      return sleepers.size;
    },
    now: () => now,
    sleep(ms: number, signal?: CancelSignal): Promise<void> {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const sleeper: Sleeper = {
          at: now + Math.max(0, ms),
          wake: () => {
            sleepers.delete(sleeper);
            signal?.removeEventListener('abort', sleeper.wake);
            resolve();
          },
        };
        sleepers.add(sleeper);
        signal?.addEventListener('abort', sleeper.wake, { once: true });
      });
    },
    async advance(ms: number): Promise<void> {
      const target = now + ms;
      await settle();
      for (;;) {
        let next: Sleeper | undefined;
        for (const sleeper of sleepers)
          if (sleeper.at <= target && (!next || sleeper.at < next.at)) next = sleeper;
        if (!next) break;
        now = Math.max(now, next.at);
        next.wake();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}
