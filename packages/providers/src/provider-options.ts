import type { PortError } from '@edgeflow/engine';
import type { FetchFunction } from './provider-registry.ts';
import type { RetryPolicy } from './retry-policy.ts';
import type { Sleep } from './sleep.ts';

/** One retry we are about to make, for logs and traces. */
export interface RetryNotice {
  readonly model: string;
  /** The try that failed, from 1. */
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: PortError;
}

/** How the model port and the embedder reach providers; every field is optional. */
export interface ProviderOptions {
  /** Used for every provider HTTP request (not by the Workers AI binding). Defaults to the global `fetch`. */
  readonly fetch?: FetchFunction | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Waits between tries; pass the engine's `clock.sleep` to keep time in one place. */
  readonly sleep?: Sleep | undefined;
  /** A number in [0, 1) for backoff jitter; `Math.random` by default. */
  readonly random?: (() => number) | undefined;
  /** Called before each retry, e.g. to log it. */
  readonly onRetry?: ((notice: RetryNotice) => void) | undefined;
}
