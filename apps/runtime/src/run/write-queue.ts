/**
 * Run records written together: the start and end writes of runs that are in flight at the same time on
 * one isolate go to D1 as one `batch` instead of one each.
 *
 * Why: each D1 call has a fixed cost far above the cost of its few small statements (under load, the
 * two writes per run were ~45% of workerd's CPU per run in test/bench/runtime.bench.ts, floor (e)).
 * Batching is adaptive, like Nagle's algorithm: a write goes out at once when no batch is in flight;
 * writes queued while one is in flight go out together when it is done. One batch at a time also keeps
 * a run's end behind its start.
 *
 * Why polling: a write queued by request B may be sent by request A. Workers forbids a request from
 * waiting on a promise that another request's I/O settles, so B never awaits A's batch: it watches the
 * plain state of its own write with its own timers (a few wake-ups per write), and that wait is what
 * B's `waitUntil` keeps alive. The batch itself is I/O of A, kept alive by A's own wait.
 */

type State = 'queued' | 'sending' | 'written' | 'failed';

/** One run's write: its statements and how far they got. */
export interface QueuedWrite {
  readonly statements: readonly D1PreparedStatement[];
  state: State;
  error?: unknown;
}

// D1 may count every statement of a batch as a query of the invocation that sends it (50 on the free
// plan); a request sends only batches that hold a write of its own, at most two, so it stays under that
// with room for its reads.
const maxStatementsPerBatch = 20;
const pollMs = 2;
// A batch that never settles (its request was cut off) stops blocking the others after this long.
const stuckAfterMs = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class WriteQueue {
  readonly #binding: D1Database;
  readonly #queued: QueuedWrite[] = [];
  #sendingSince: number | undefined;

  constructor(binding: D1Database) {
    this.#binding = binding;
  }

  /** Queues a write; the promise (for the caller's own `waitUntil`) settles when it is written or failed. */
  write(statements: readonly D1PreparedStatement[]): { write: QueuedWrite; done: Promise<void> } {
    const write: QueuedWrite = { statements, state: 'queued' };
    this.#queued.push(write);
    return { write, done: this.#settle(write) };
  }

  async #settle(write: QueuedWrite): Promise<void> {
    while (write.state === 'queued') {
      const sending = this.#sendingSince;
      const free = sending === undefined || Date.now() - sending > stuckAfterMs;
      // Only a batch its own write is in: so a request sends at most one batch per write of its own
      // (two per run), whatever the queue's length. The owner of the oldest write always qualifies.
      if (free && this.#inNextBatch(write)) await this.#send();
      else await sleep(pollMs);
    }
    while (write.state === 'sending') await sleep(pollMs);
  }

  /** Whether `write` is among the writes `#send` would take now (oldest first, up to the cap). */
  #inNextBatch(write: QueuedWrite): boolean {
    let count = 0;
    for (const [index, next] of this.#queued.entries()) {
      if (index > 0 && count + next.statements.length > maxStatementsPerBatch) return false;
      if (next === write) return true;
      count += next.statements.length;
    }
    return false;
  }

  /** Sends the queued writes (up to the statement cap, oldest first) as one batch. */
  async #send(): Promise<void> {
    const writes: QueuedWrite[] = [];
    let count = 0;
    while (this.#queued.length > 0) {
      const next = this.#queued[0] as QueuedWrite;
      if (writes.length > 0 && count + next.statements.length > maxStatementsPerBatch) break;
      this.#queued.shift();
      next.state = 'sending';
      writes.push(next);
      count += next.statements.length;
    }
    if (writes.length === 0) return;
    this.#sendingSince = Date.now();
    try {
      await this.#binding.batch(writes.flatMap((write) => [...write.statements]));
      for (const write of writes) write.state = 'written';
    } catch (error) {
      // A batch is one transaction: one bad write fails them all. Retry each alone, so it fails alone.
      for (const write of writes) {
        if (writes.length === 1) {
          write.state = 'failed';
          write.error = error;
          continue;
        }
        try {
          await this.#binding.batch([...write.statements]);
          write.state = 'written';
        } catch (own) {
          write.state = 'failed';
          write.error = own;
        }
      }
    } finally {
      this.#sendingSince = undefined;
    }
  }
}

// One queue per binding: a Worker hands the same binding object to every request of an isolate.
const queues = new WeakMap<D1Database, WriteQueue>();

/** The write queue of a D1 binding. */
export function writeQueue(binding: D1Database): WriteQueue {
  let queue = queues.get(binding);
  if (!queue) {
    queue = new WriteQueue(binding);
    queues.set(binding, queue);
  }
  return queue;
}
