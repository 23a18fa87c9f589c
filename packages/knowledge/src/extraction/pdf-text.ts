import type { DocumentProblemCode } from './document-problem.ts';

/** The text of a PDF: its pages joined by blank lines, how many pages it has, and its metadata title. */
export interface PdfText {
  readonly text: string;
  readonly pages: number;
  readonly title: string | null;
}

/**
 * Reads the text of a PDF; throws DocumentProblem for one it cannot read. A port: PDF.js is large
 * (~400 KB gzipped) and PDF uploads are rare, so the runtime Worker reaches it through the PDF Worker
 * (apps/pdf) and only that Worker imports the implementation (`@edgeflow/knowledge/pdf`).
 */
export type PdfToText = (bytes: Uint8Array) => Promise<PdfText>;

/**
 * What the PDF Worker answers over its service binding: the text, or why the PDF was refused (a
 * DocumentProblem does not survive the trip as a class, so it travels as its code and message).
 */
export type PdfExtraction =
  | ({ readonly ok: true } & PdfText)
  | {
      readonly ok: false;
      readonly code: Extract<DocumentProblemCode, 'unparseable_document' | 'document_too_large'>;
      readonly message: string;
    };
