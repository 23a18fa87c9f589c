import { PortError } from '@edgeflow/engine';
import { APICallError, RetryError, StreamProviderError } from 'ai';
import { ModelError } from './model-error.ts';
import { redactSecrets } from './redact-secrets.ts';
import { retryAfterMs } from './retry-after.ts';

/** What an error message may name, and what it must never show. */
export interface ErrorContext {
  /** `provider:model`, named in every message. */
  readonly modelId: string;
  /** Where the key comes from, for 401/403 messages, e.g. `OPENAI_API_KEY`. */
  readonly keyVariable?: string | undefined;
  readonly secrets: readonly string[];
  readonly now: number;
}

// Provider error bodies can be long (HTML error pages); a sentence is enough for a person.
const maxDetailLength = 300;

function detailOf(message: string, context: ErrorContext): string {
  const clean = redactSecrets(message, context.secrets).replace(/\s+/g, ' ').trim();
  return clean.length > maxDetailLength ? `${clean.slice(0, maxDetailLength)}…` : clean;
}

/** Maps an HTTP status (or none: the request or its stream failed in transit) to our error. */
function fromStatus(
  status: number | undefined,
  detail: string,
  context: ErrorContext,
  waitMs: number | undefined,
): ModelError {
  const at = context.modelId;
  const wait = waitMs === undefined ? {} : { retryAfterMs: waitMs };
  if (status === undefined || (status >= 200 && status < 300)) {
    return new ModelError('model_unavailable', `${at}: the connection to the provider failed: ${detail}`, {
      retryable: true,
    });
  }
  if (status === 429) {
    return new ModelError(
      'model_rate_limited',
      `${at}: the provider is rate limiting requests (429): ${detail}`,
      {
        retryable: true,
        status,
        ...wait,
      },
    );
  }
  if (status === 408 || status >= 500) {
    return new ModelError('model_unavailable', `${at}: the provider failed (HTTP ${status}): ${detail}`, {
      retryable: true,
      status,
      ...wait,
    });
  }
  if (status === 401 || status === 403) {
    const hint = context.keyVariable === undefined ? '' : ` Check ${context.keyVariable}.`;
    return new ModelError(
      'model_auth_failed',
      `${at}: the provider refused the API key (${status}): ${detail}${hint}`,
      {
        retryable: false,
        status,
      },
    );
  }
  if (status === 404) {
    return new ModelError(
      'model_not_found',
      `${at}: the provider does not know this model (404): ${detail}`,
      {
        retryable: false,
        status,
      },
    );
  }
  return new ModelError(
    'model_bad_request',
    `${at}: the provider rejected the request (HTTP ${status}): ${detail}`,
    {
      retryable: false,
      status,
    },
  );
}

// `fetch` rejects with a TypeError when the network fails: undici says "fetch failed", workerd
// "Network connection lost". Other TypeErrors are bugs, not worth a retry.
function isNetworkFailure(error: unknown): error is TypeError {
  return error instanceof TypeError && /fetch|network|connect|socket|terminated/i.test(error.message);
}

/**
 * Turns whatever a provider call threw into a `PortError` with a stable code and a message that
 * names the model and never holds a key. Our own `PortError`s pass through unchanged.
 */
export function toModelError(error: unknown, context: ErrorContext): PortError {
  if (error instanceof PortError) return error;
  if (RetryError.isInstance(error)) return toModelError(error.lastError, context);
  if (APICallError.isInstance(error)) {
    const waitMs = retryAfterMs(error.responseHeaders, context.now);
    return fromStatus(error.statusCode, detailOf(error.message, context), context, waitMs);
  }
  if (StreamProviderError.isInstance(error)) {
    const detail = detailOf(error.message, context);
    if (error.statusCode !== undefined) return fromStatus(error.statusCode, detail, context, undefined);
    return new ModelError(
      error.isRetryable ? 'model_unavailable' : 'model_error',
      `${context.modelId}: the provider reported an error: ${detail}`,
      { retryable: error.isRetryable },
    );
  }
  if (isNetworkFailure(error))
    return fromStatus(undefined, detailOf(error.message, context), context, undefined);
  const message = error instanceof Error ? error.message : String(error);
  return new ModelError('model_error', `${context.modelId}: ${detailOf(message, context)}`, {
    retryable: false,
  });
}
