import { extractText, getDocumentProxy } from 'unpdf';
import { DocumentProblem } from '../extraction/document-problem.ts';
import type { PdfText } from '../extraction/pdf-text.ts';

/**
 * The text of a PDF, pages separated by blank lines, through unpdf (PDF.js built for serverless
 * runtimes, Workers included; no worker thread, no eval). A file PDF.js cannot open is refused.
 */
export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of the buffer it is given; it gets a copy.
    document = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    throw new DocumentProblem(
      'unparseable_document',
      'The PDF could not be read (damaged, encrypted or not a PDF).',
      { reason: error instanceof Error ? error.name : 'unknown' },
    );
  }
  try {
    const { text } = await extractText(document, { mergePages: false });
    const metadata = (await document.getMetadata().catch(() => null))?.info as
      | { Title?: unknown }
      | undefined;
    const title =
      typeof metadata?.Title === 'string' && metadata.Title.trim() !== '' ? metadata.Title.trim() : null;
    return { text: text.map((page) => page.trim()).join('\n\n'), pages: text.length, title };
  } catch (error) {
    throw new DocumentProblem('unparseable_document', 'The text of the PDF could not be extracted.', {
      reason: error instanceof Error ? error.name : 'unknown',
    });
  } finally {
    await document.loadingTask.destroy().catch(() => undefined);
  }
}
