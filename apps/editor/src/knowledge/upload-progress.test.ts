import { describe, expect, it } from 'vitest';
import {
  type Upload,
  type UploadAction,
  uploadPercent,
  uploadsBusy,
  uploadsReducer,
} from './upload-progress.ts';

const noText = { key: 'kb.error.empty_document', detail: 'No text.', code: 'empty_document' } as const;
const run = (actions: UploadAction[], from: readonly Upload[] = []) => actions.reduce(uploadsReducer, from);

describe('upload progress', () => {
  it('goes uploading → indexing → done, with percentages from the bytes sent', () => {
    let uploads = run([{ type: 'start', id: 'a', name: 'faq.md', bytes: 1000 }]);
    expect(uploads[0]).toMatchObject({ phase: 'uploading', loaded: 0 });
    expect(uploadPercent(uploads[0] as Upload)).toBe(0);
    uploads = run([{ type: 'progress', id: 'a', loaded: 333, total: 1200 }], uploads);
    expect(uploadPercent(uploads[0] as Upload)).toBe(27);
    expect(uploadsBusy(uploads)).toBe(true);
    uploads = run([{ type: 'sent', id: 'a' }], uploads);
    expect(uploads[0]).toMatchObject({ phase: 'indexing', loaded: 1200, total: 1200 });
    expect(uploadPercent(uploads[0] as Upload)).toBe(100);
    uploads = run([{ type: 'done', id: 'a', chunkCount: 7 }], uploads);
    expect(uploads[0]).toMatchObject({ phase: 'done', chunkCount: 7 });
    expect(uploadsBusy(uploads)).toBe(false);
  });

  it('never moves backwards, and ignores progress after the body is sent', () => {
    const uploads = run([
      { type: 'start', id: 'a', name: 'a.txt', bytes: 100 },
      { type: 'progress', id: 'a', loaded: 80, total: 100 },
      { type: 'progress', id: 'a', loaded: 40, total: 100 },
    ]);
    expect(uploads[0]?.loaded).toBe(80);
    const sent = run(
      [
        { type: 'sent', id: 'a' },
        { type: 'progress', id: 'a', loaded: 10, total: 100 },
      ],
      uploads,
    );
    expect(sent[0]).toMatchObject({ phase: 'indexing', loaded: 100 });
  });

  it('keeps uploads apart, records failures, and clears only finished ones', () => {
    const uploads = run([
      { type: 'start', id: 'a', name: 'a.txt', bytes: 10 },
      { type: 'start', id: 'b', name: 'empty.txt', bytes: 0 },
      { type: 'start', id: 'c', name: 'c.txt', bytes: 10 },
      { type: 'failed', id: 'b', error: noText },
      { type: 'done', id: 'c', chunkCount: 1 },
    ]);
    expect(uploads.map((upload) => upload.phase)).toEqual(['uploading', 'failed', 'done']);
    expect(uploads[1]?.error).toBe(noText);
    expect(uploadPercent(uploads[1] as Upload)).toBe(100);
    expect(run([{ type: 'clear-finished' }], uploads).map((upload) => upload.id)).toEqual(['a']);
    expect(run([{ type: 'dismiss', id: 'a' }], uploads).map((upload) => upload.id)).toEqual(['b', 'c']);
  });

  it('reports 0% while the size is unknown', () => {
    const [upload] = run([{ type: 'start', id: 'a', name: 'a.txt', bytes: 0 }]);
    expect(uploadPercent(upload as Upload)).toBe(0);
  });
});
