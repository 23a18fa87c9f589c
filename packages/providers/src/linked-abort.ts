import type { CancelSignal } from '@edgeflow/engine';

/** An `AbortController` that follows a `CancelSignal`; `dispose` unhooks it and aborts what is still running. */
export interface LinkedAbort {
  readonly signal: AbortSignal;
  /** `completed`: the call ran to its end, so there is nothing left to abort (aborting still costs). */
  dispose(completed?: boolean): void;
}

/**
 * The AI SDK wants a real `AbortSignal`; the engine hands us its own `CancelSignal`. This bridges
 * the two for one call, and aborting on `dispose` cancels the HTTP request when the caller stops
 * reading early.
 */
export function linkAbort(signal: CancelSignal | undefined): LinkedAbort {
  const controller = new AbortController();
  const forward = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    dispose(completed = false) {
      signal?.removeEventListener('abort', forward);
      if (!completed && !controller.signal.aborted) controller.abort();
    },
  };
}
