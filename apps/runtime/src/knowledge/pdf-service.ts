import { DocumentProblem, type PdfExtraction, type PdfToText } from '@edgeflow/knowledge';
import { ApiError } from '../http/api-error.ts';

/**
 * The PDF Worker (apps/pdf, `edgeflow-pdf`) as the runtime sees it through its service binding: one
 * RPC method. It lives in a Worker of its own because PDF.js is most of what the runtime would
 * otherwise upload (~400 KB of ~1.1 MB gzipped), and PDF uploads are rare next to app runs.
 */
export interface PdfService {
  extract(bytes: Uint8Array): Promise<PdfExtraction>;
}

const setUpHint =
  'Deploy the PDF Worker (apps/pdf, `npm run deploy` does both) or run `npm start`, which runs both locally.';

/**
 * `pdfToText` through the `PDF` binding: a refused PDF becomes the same DocumentProblem (and so the
 * same 4xx) as before; no binding, or a PDF Worker that cannot be reached, is 503 `unavailable` for
 * PDF files only, so everything else works without it.
 */
export function pdfThroughBinding(binding: PdfService | undefined): PdfToText {
  return async (bytes) => {
    if (binding === undefined) {
      throw new ApiError(
        503,
        'unavailable',
        `PDF files cannot be read here: the runtime has no PDF Worker bound (binding PDF). ${setUpHint}`,
      );
    }
    let result: PdfExtraction;
    try {
      result = await binding.extract(bytes);
    } catch {
      throw new ApiError(
        503,
        'unavailable',
        `The PDF Worker (edgeflow-pdf) could not read this file: it is not running or it failed. ${setUpHint}`,
      );
    }
    if (!result.ok) throw new DocumentProblem(result.code, result.message);
    return { text: result.text, pages: result.pages, title: result.title };
  };
}
