import { PortError } from '@edgeflow/engine';

/**
 * The codes a model or embedding call fails with:
 * - `model_not_configured`: unknown provider or model, or its environment variable is not set
 * - `model_rate_limited`: the provider answered 429
 * - `model_unavailable`: network failure, 408, 5xx, or a stream that ended before any output
 * - `model_stream_interrupted`: the stream broke after text or a tool call was delivered
 * - `model_auth_failed`: 401/403, the key is wrong or lacks access
 * - `model_not_found`: 404, the provider does not know the model
 * - `model_bad_request`: another 4xx, the provider refused the request as sent
 * - `model_error`: anything else the provider or the SDK reported
 * - `cancelled`: the caller's signal aborted the call
 */
export type ModelErrorCode =
  | 'model_not_configured'
  | 'model_rate_limited'
  | 'model_unavailable'
  | 'model_stream_interrupted'
  | 'model_auth_failed'
  | 'model_not_found'
  | 'model_bad_request'
  | 'model_error'
  | 'cancelled';

/** A `PortError` from a model provider; `retryAfterMs` is how long the provider asked us to wait. */
export class ModelError extends PortError {
  declare readonly code: ModelErrorCode;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ModelErrorCode,
    message: string,
    options: { readonly retryable: boolean; readonly status?: number; readonly retryAfterMs?: number },
  ) {
    super(code, message, { retryable: options.retryable });
    this.name = 'ModelError';
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The failure of a call that the caller's signal ended (the engine reports its own reason instead). */
export function cancellationError(): ModelError {
  return new ModelError('cancelled', 'The model call was cancelled.', { retryable: false });
}
