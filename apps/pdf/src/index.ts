import { WorkerEntrypoint } from 'cloudflare:workers';
import { DocumentProblem, documentLimits, type PdfExtraction, pdfToText } from '@edgeflow/knowledge/pdf';

/**
 * The PDF Worker: reads the text of a PDF for the runtime, which calls `extract` over its `PDF`
 * service binding (RPC). It has no public route, and its HTTP handler answers 404 to anything, so
 * only a Worker bound to it can use it, even if a route were added by mistake.
 */
export default class PdfWorker extends WorkerEntrypoint {
  /**
   * The text of `bytes`, or why it was refused: over the 5 MiB file limit (`document_too_large`), or
   * not a PDF PDF.js can read (`unparseable_document`), the codes the runtime answered before.
   */
  async extract(bytes: Uint8Array): Promise<PdfExtraction> {
    if (!(bytes instanceof Uint8Array)) {
      return { ok: false, code: 'unparseable_document', message: 'Expected the bytes of a PDF file.' };
    }
    if (bytes.byteLength > documentLimits.fileBytes) {
      return {
        ok: false,
        code: 'document_too_large',
        message: `The PDF has ${bytes.byteLength} bytes; the limit is 5 MiB.`,
      };
    }
    try {
      return { ok: true, ...(await pdfToText(bytes)) };
    } catch (error) {
      if (error instanceof DocumentProblem && error.code === 'unparseable_document') {
        return { ok: false, code: error.code, message: error.message };
      }
      throw error;
    }
  }

  override async fetch(): Promise<Response> {
    return Response.json(
      {
        error: {
          code: 'not_found',
          message: 'The PDF Worker is internal: it answers its service binding only.',
          details: {},
        },
      },
      { status: 404 },
    );
  }
}
