import type { CancelSignal } from '@edgeflow/engine';
import { EgressError } from './egress-error.ts';

/**
 * One request's time limit and cancellation, as an AbortSignal for every hop and body read. It
 * remembers which of the two fired, because the platform's fetch rejects with the same AbortError.
 */
export class EgressDeadline {
  readonly signal: AbortSignal;
  #timedOut = false;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #cancel: CancelSignal | undefined;
  readonly #onCancel = () => this.#controller.abort(this.#cancel?.reason);

  constructor(
    readonly timeoutMs: number,
    readonly origin: string,
    cancel?: CancelSignal,
  ) {
    this.signal = this.#controller.signal;
    this.#cancel = cancel;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(this.#timeoutError());
    }, timeoutMs);
    if (cancel?.aborted) this.#onCancel();
    else cancel?.addEventListener('abort', this.#onCancel, { once: true });
  }

  /** Stops the timer and lets go of the caller's signal; call once the body is read or dropped. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#cancel?.removeEventListener('abort', this.#onCancel);
  }

  /** Throws at once when the caller already cancelled. */
  throwIfCancelled(): void {
    if (this.signal.aborted) throw this.failure(undefined);
  }

  /** What to throw for an error seen while this deadline ran: ours when we aborted, else the error. */
  failure(error: unknown): unknown {
    if (this.#timedOut) return this.#timeoutError(error);
    if (this.#cancel?.aborted)
      return (
        this.#cancel.reason ?? new EgressError('cancelled', 'The request was cancelled.', { cause: error })
      );
    if (error instanceof EgressError) return error;
    return new EgressError('network', `The connection to ${this.origin} failed${networkCode(error)}.`, {
      cause: error,
    });
  }

  #timeoutError(cause?: unknown): EgressError {
    return new EgressError(
      'timeout',
      `The request to ${this.origin} did not finish within ${this.timeoutMs} ms.`,
      cause === undefined ? {} : { cause },
    );
  }
}

/** A system error code (`ECONNREFUSED`) if the platform gives one; never the platform's free text. */
export function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = cause?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? ` (${code})` : '';
}
