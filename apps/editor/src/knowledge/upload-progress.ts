/**
 * The uploads of the knowledge-base page as plain state: each file is sent (with byte progress), then
 * indexed by the server (no progress to show: extraction, chunking and embedding happen in one request),
 * then done with its chunk count, or failed with a message.
 */
import type { ExplainedError } from './explain-error.ts';

export type UploadPhase = 'uploading' | 'indexing' | 'done' | 'failed';

export interface Upload {
  readonly id: string;
  readonly name: string;
  /** Bytes of the request body, once the browser knows them (multipart framing included). */
  readonly total: number;
  readonly loaded: number;
  readonly phase: UploadPhase;
  readonly chunkCount?: number;
  readonly error?: ExplainedError;
}

export type UploadAction =
  | { readonly type: 'start'; readonly id: string; readonly name: string; readonly bytes: number }
  | { readonly type: 'progress'; readonly id: string; readonly loaded: number; readonly total: number }
  /** Every byte is sent; the server is now extracting and indexing. */
  | { readonly type: 'sent'; readonly id: string }
  | { readonly type: 'done'; readonly id: string; readonly chunkCount: number }
  | { readonly type: 'failed'; readonly id: string; readonly error: ExplainedError }
  | { readonly type: 'dismiss'; readonly id: string }
  /** Drops the finished uploads (done or failed), keeping those under way. */
  | { readonly type: 'clear-finished' };

function update(
  uploads: readonly Upload[],
  id: string,
  change: (upload: Upload) => Upload,
): readonly Upload[] {
  return uploads.map((upload) => (upload.id === id ? change(upload) : upload));
}

export function uploadsReducer(uploads: readonly Upload[], action: UploadAction): readonly Upload[] {
  switch (action.type) {
    case 'start':
      return [
        ...uploads.filter((upload) => upload.id !== action.id),
        { id: action.id, name: action.name, total: action.bytes, loaded: 0, phase: 'uploading' },
      ];
    case 'progress':
      return update(uploads, action.id, (upload) =>
        upload.phase === 'uploading'
          ? // Progress events can arrive out of order with `sent`; never move backwards.
            {
              ...upload,
              total: action.total,
              loaded: Math.max(upload.loaded, Math.min(action.loaded, action.total)),
            }
          : upload,
      );
    case 'sent':
      return update(uploads, action.id, (upload) =>
        upload.phase === 'uploading' ? { ...upload, loaded: upload.total, phase: 'indexing' } : upload,
      );
    case 'done':
      return update(uploads, action.id, (upload) => ({
        ...upload,
        loaded: upload.total,
        phase: 'done',
        chunkCount: action.chunkCount,
      }));
    case 'failed':
      return update(uploads, action.id, (upload) => ({ ...upload, phase: 'failed', error: action.error }));
    case 'dismiss':
      return uploads.filter((upload) => upload.id !== action.id);
    case 'clear-finished':
      return uploads.filter((upload) => upload.phase === 'uploading' || upload.phase === 'indexing');
  }
}

/** Whole percent of the bytes sent: 100 once sent, 0 while the size is still unknown. */
export function uploadPercent(upload: Upload): number {
  if (upload.phase !== 'uploading') return 100;
  if (upload.total <= 0) return 0;
  return Math.min(100, Math.floor((upload.loaded / upload.total) * 100));
}

/** Whether any upload is still being sent or indexed. */
export function uploadsBusy(uploads: readonly Upload[]): boolean {
  return uploads.some((upload) => upload.phase === 'uploading' || upload.phase === 'indexing');
}
