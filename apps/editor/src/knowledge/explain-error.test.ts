import { EdgeflowApiError } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import { explainError, formatBytes } from './explain-error.ts';

describe('explaining knowledge errors', () => {
  it('gives every document refusal its own sentence and keeps the server message', () => {
    for (const code of [
      'document_too_large',
      'unsupported_document',
      'empty_document',
      'unparseable_document',
      'url_refused',
    ]) {
      const explained = explainError(new EdgeflowApiError(422, code, `server says ${code}`));
      expect(explained).toEqual({ key: `kb.error.${code}`, detail: `server says ${code}`, code });
    }
  });

  it('falls back to the message for other codes and failures', () => {
    expect(explainError(new EdgeflowApiError(400, 'invalid_request', 'Bad body.'))).toEqual({
      key: null,
      detail: 'Bad body.',
      code: 'invalid_request',
    });
    expect(explainError(new TypeError('Failed to fetch'))).toMatchObject({ key: 'kb.error.network' });
    expect(explainError('odd')).toEqual({ key: null, detail: 'odd', code: null });
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB with one decimal for small values', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024)).toBe('50 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
