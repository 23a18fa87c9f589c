import type { CancelSignal } from './ports/cancel-signal.ts';

/**
 * A tiny abort controller and signal in one, for the run, each node and each attempt. Children are
 * linked into their parent's list (no listener, no allocation), so making and dropping one per node
 * costs next to nothing.
 */
export class CancelScope implements CancelSignal {
  #aborted = false;
  #reason: unknown;
  #listeners: (() => void)[] | undefined;
  #parent: CancelScope | undefined;
  #firstChild: CancelScope | undefined;
  #previous: CancelScope | undefined;
  #next: CancelScope | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  /** Like AbortSignal, a listener added after the abort is never called. */
  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.#aborted) return;
    if (this.#listeners) this.#listeners.push(listener);
    else this.#listeners = [listener];
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const listeners = this.#listeners;
    if (!listeners) return;
    const at = listeners.indexOf(listener);
    if (at !== -1) listeners.splice(at, 1);
  }

  /** A scope aborted together with this one (immediately if this one already is). */
  child(): CancelScope {
    const child = new CancelScope();
    if (this.#aborted) {
      child.abort(this.#reason);
      return child;
    }
    child.#parent = this;
    child.#next = this.#firstChild;
    if (this.#firstChild) this.#firstChild.#previous = child;
    this.#firstChild = child;
    return child;
  }

  /** Detaches from the parent without aborting: the work this scope guarded is over. */
  dispose(): void {
    const parent = this.#parent;
    if (!parent) return;
    if (this.#previous) this.#previous.#next = this.#next;
    else parent.#firstChild = this.#next;
    if (this.#next) this.#next.#previous = this.#previous;
    this.#parent = undefined;
    this.#previous = undefined;
    this.#next = undefined;
  }

  abort(reason?: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.dispose();
    let child = this.#firstChild;
    this.#firstChild = undefined;
    while (child) {
      const next = child.#next;
      child.#parent = undefined;
      child.#previous = undefined;
      child.#next = undefined;
      child.abort(reason);
      child = next;
    }
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // A port's listener that throws must not stop the others from hearing about the abort.
      }
    }
  }
}
