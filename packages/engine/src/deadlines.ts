import type { CancelScope } from './cancel-scope.ts';
import type { Clock } from './ports/clock.ts';

export interface Deadline {
  readonly at: number;
  readonly expire: () => void;
}

/**
 * Every node timeout of a run on one clock sleep, armed for the earliest deadline. A finished try
 * just drops its deadline; the sleep is only replaced when a new deadline comes earlier. So a chain
 * of quick nodes costs one timer in all rather than one each.
 */
export class Deadlines {
  readonly #clock: Clock;
  readonly #scope: CancelScope;
  readonly #pending = new Set<Deadline>();
  #armedAt = Number.POSITIVE_INFINITY;
  #armed: CancelScope | undefined;

  /** Sleeps are children of `scope`: when the run ends, the timer goes with it. */
  constructor(clock: Clock, scope: CancelScope) {
    this.#clock = clock;
    this.#scope = scope;
  }

  add(ms: number, expire: () => void): Deadline {
    const deadline = { at: this.#clock.now() + ms, expire };
    this.#pending.add(deadline);
    if (deadline.at < this.#armedAt) this.#arm(deadline.at);
    return deadline;
  }

  remove(deadline: Deadline): void {
    this.#pending.delete(deadline);
  }

  #arm(at: number): void {
    this.#armed?.abort();
    const sleep = this.#scope.child();
    this.#armed = sleep;
    this.#armedAt = at;
    this.#clock.sleep(Math.max(0, at - this.#clock.now()), sleep).then(
      () => {
        if (sleep.aborted) return;
        sleep.dispose();
        this.#armed = undefined;
        this.#armedAt = Number.POSITIVE_INFINITY;
        this.#fire();
      },
      () => undefined,
    );
  }

  #fire(): void {
    const now = this.#clock.now();
    let next = Number.POSITIVE_INFINITY;
    for (const deadline of this.#pending) {
      if (deadline.at <= now) {
        this.#pending.delete(deadline);
        deadline.expire();
      } else if (deadline.at < next) {
        next = deadline.at;
      }
    }
    if (next < this.#armedAt && next !== Number.POSITIVE_INFINITY && !this.#scope.aborted) this.#arm(next);
  }
}
