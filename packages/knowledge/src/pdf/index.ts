/**
 * `@edgeflow/knowledge/pdf`: PDF text extraction through unpdf (PDF.js). Only the PDF Worker
 * (apps/pdf) imports it; everything else takes a `PdfToText` function, so PDF.js stays out of the
 * runtime Worker's bundle (see docs/knowledge-bases.md, "PDF extraction").
 */
export { DocumentProblem, documentLimits } from '../extraction/document-problem.ts';
export type { PdfExtraction, PdfText, PdfToText } from '../extraction/pdf-text.ts';
export { pdfToText } from './pdf-to-text.ts';
