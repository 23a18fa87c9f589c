/**
 * A single-consumer async queue: the run pushes events as they happen, the caller pulls them. The
 * run never waits for the caller (events queue up), and the caller never polls.
 */
export class EventChannel<T> implements AsyncIterableIterator<T> {
  #queue: T[] = [];
  #head = 0;
  #waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;
  #closed = false;
  #started = false;
  readonly #onStart: () => void;
  readonly #onStop: () => void;

  /** `onStart` runs on the first pull; `onStop` when the consumer stops early (`break`). */
  constructor(onStart: () => void, onStop: () => void) {
    this.#onStart = onStart;
    this.#onStop = onStop;
  }

  push(value: T): void {
    if (this.#closed) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting({ value, done: false });
    } else {
      this.#queue.push(value);
    }
  }

  /** No more values; queued ones are still delivered. */
  close(): void {
    this.#closed = true;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (!this.#started) {
      this.#started = true;
      this.#onStart();
    }
    if (this.#head < this.#queue.length) {
      const value = this.#queue[this.#head] as T;
      this.#head += 1;
      if (this.#head === this.#queue.length) {
        this.#queue = [];
        this.#head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  /**
   * The values already queued, taken at once without a promise each: a consumer that writes them out
   * can then write a burst (a node's end and the next one's start) as one piece.
   */
  takeQueued(): T[] {
    if (this.#head >= this.#queue.length) return [];
    const values = this.#head === 0 ? this.#queue : this.#queue.slice(this.#head);
    this.#queue = [];
    this.#head = 0;
    return values;
  }

  return(): Promise<IteratorResult<T, undefined>> {
    const wasOpen = !this.#closed;
    this.#queue = [];
    this.#head = 0;
    this.close();
    if (wasOpen && this.#started) this.#onStop();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
