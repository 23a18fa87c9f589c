import { PortError } from '@edgeflow/engine';
import { DocumentProblem } from '@edgeflow/knowledge';
import { EgressError } from '../egress/index.ts';
import { ApiError } from '../http/api-error.ts';

const problemStatus = {
  empty_document: 422,
  document_too_large: 413,
  unsupported_document: 415,
  unparseable_document: 422,
} as const;

/**
 * Turns what indexing and search throw into the contract's errors: a refused document (its own
 * code), a URL the egress refused (422) or could not fetch (502), a failing embedding provider (502).
 * Anything else is left for the app's error handler (500, no details).
 */
export function toKnowledgeApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof DocumentProblem) {
    return new ApiError(problemStatus[error.code], error.code, error.message, error.details);
  }
  if (error instanceof EgressError) {
    return error.code === 'egress_refused'
      ? new ApiError(422, 'url_refused', `The URL cannot be fetched: ${error.message}`, {
          reason: error.reason,
        })
      : new ApiError(502, 'url_fetch_failed', `The URL could not be fetched: ${error.message}`, {
          reason: error.reason,
        });
  }
  if (error instanceof PortError) {
    if (error.code === 'embedding_model_required') return new ApiError(422, error.code, error.message);
    return new ApiError(502, 'provider_error', `The embedding model failed: ${error.message}`, {
      cause: error.code,
    });
  }
  return error;
}
