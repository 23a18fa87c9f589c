import { EdgeflowApiError } from '@edgeflow/api';
import type { MessageKey } from '../i18n/en.ts';

/** Error codes of the knowledge routes (docs/knowledge-bases.md) with a sentence of their own in the UI. */
const explanations: Readonly<Record<string, MessageKey>> = {
  document_too_large: 'kb.error.document_too_large',
  unsupported_document: 'kb.error.unsupported_document',
  empty_document: 'kb.error.empty_document',
  unparseable_document: 'kb.error.unparseable_document',
  url_refused: 'kb.error.url_refused',
  url_fetch_failed: 'kb.error.url_fetch_failed',
  embedding_model_required: 'kb.error.embedding_model_required',
  invalid_embedding_model: 'kb.error.invalid_embedding_model',
  provider_error: 'kb.error.provider_error',
  not_found: 'kb.error.not_found',
};

export interface ExplainedError {
  /** The UI's own sentence for the code, when it has one. */
  readonly key: MessageKey | null;
  /** The server's message (English), or the failure's own text. */
  readonly detail: string;
  readonly code: string | null;
}

/**
 * A failed knowledge call as what the page shows: the known codes get a translated sentence, and the
 * server's message (which names limits and reasons) stays as the detail.
 * @example explainError(new EdgeflowApiError(422, 'empty_document', 'No text.')).key // 'kb.error.empty_document'
 */
export function explainError(error: unknown): ExplainedError {
  if (error instanceof EdgeflowApiError)
    return { key: explanations[error.code] ?? null, detail: error.message, code: error.code };
  if (error instanceof TypeError) return { key: 'kb.error.network', detail: error.message, code: null };
  return { key: null, detail: error instanceof Error ? error.message : String(error), code: null };
}

const units = ['B', 'KB', 'MB', 'GB'] as const;

/**
 * Bytes for people, in powers of 1024 with one decimal below 10.
 * @example formatBytes(1536) // '1.5 KB'
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}
