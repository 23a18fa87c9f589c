import { exports } from 'cloudflare:workers';
import type { PdfExtraction } from '@edgeflow/knowledge';
import { minimalPdf } from '@edgeflow/knowledge/testing';
import { describe, expect, it } from 'vitest';

/**
 * The Worker's default entrypoint, called over RPC as the runtime's `PDF` binding calls it (typed
 * loosely, so a test can send what a wrong caller might).
 */
const pdfWorker = exports.default as unknown as {
  extract(bytes: unknown): Promise<PdfExtraction>;
  fetch(request: Request): Promise<Response>;
};

describe('the PDF Worker', () => {
  it('answers the text, page count and title of a PDF', async () => {
    const pdf = minimalPdf(['Refunds take five days.', 'Shipping is free over 50 euros.'], 'Policies');
    expect(await pdfWorker.extract(pdf)).toEqual({
      ok: true,
      text: 'Refunds take five days.\n\nShipping is free over 50 euros.',
      pages: 2,
      title: 'Policies',
    });
  });

  it('refuses garbage, including garbage that starts like a PDF, as unparseable_document', async () => {
    for (const garbage of ['%PDF-1.7 broken', 'hello, not a PDF at all', '']) {
      const answer = await pdfWorker.extract(new TextEncoder().encode(garbage));
      expect(answer).toMatchObject({ ok: false, code: 'unparseable_document' });
    }
    expect(await pdfWorker.extract('not bytes')).toMatchObject({ ok: false, code: 'unparseable_document' });
  });

  it('refuses a file over 5 MiB before parsing it', async () => {
    const pdf = minimalPdf(['Tiny.']);
    const oversized = new Uint8Array(5 * 1024 * 1024 + 1);
    oversized.set(pdf);
    const answer = await pdfWorker.extract(oversized);
    expect(answer).toMatchObject({ ok: false, code: 'document_too_large' });
    expect(answer.ok === false && answer.message).toContain('5 MiB');
  });

  it('answers no HTTP request, whatever its path', async () => {
    for (const path of ['/', '/extract']) {
      const response = await pdfWorker.fetch(new Request(`http://pdf.internal${path}`, { method: 'POST' }));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
