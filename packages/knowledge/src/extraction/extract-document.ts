import { detectContent } from './detect-content.ts';
import { DocumentProblem, documentLimits } from './document-problem.ts';
import { htmlToText } from './html-to-text.ts';
import type { PdfToText } from './pdf-text.ts';

export const documentTypes = ['text', 'markdown', 'html', 'pdf'] as const;
export type DocumentType = (typeof documentTypes)[number];

/** A document ready to chunk: its type, its title and its text. */
export interface ExtractedDocument {
  readonly type: DocumentType;
  readonly title: string;
  readonly text: string;
}

/** A file to read: its bytes, and what the sender said about it (a hint for text formats only). */
export interface DocumentFile {
  readonly bytes: Uint8Array;
  readonly fileName?: string | undefined;
  readonly contentType?: string | undefined;
  readonly title?: string | undefined;
}

const maxTitleLength = 200;

/** A file name without its folders or control characters (SECURITY 14: names cannot traverse paths). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '');
  return printable.trim().slice(0, maxTitleLength);
}

function textType(file: DocumentFile, text: string): Exclude<DocumentType, 'pdf'> {
  const name = file.fileName?.toLowerCase() ?? '';
  const type = file.contentType?.toLowerCase() ?? '';
  if (type.startsWith('text/html') || /\.x?html?$/.test(name)) return 'html';
  if (type.startsWith('text/markdown') || /\.(md|markdown)$/.test(name)) return 'markdown';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1024))) return 'html';
  return 'text';
}

/** Checks extracted text against the limits: not empty, not over the character limit. */
function finish(type: DocumentType, title: string, raw: string): ExtractedDocument {
  const text = raw.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');
  if (text.length > documentLimits.textCharacters) {
    throw new DocumentProblem(
      'document_too_large',
      `The document has ${text.length} characters of text; the limit is ${documentLimits.textCharacters}.`,
      { limitCharacters: documentLimits.textCharacters },
    );
  }
  if (text.trim() === '') {
    const hint = type === 'pdf' ? ' (a scanned PDF has no text layer; run OCR on it first)' : '';
    throw new DocumentProblem('empty_document', `The document has no text${hint}.`);
  }
  return { type, title: title.slice(0, maxTitleLength), text };
}

/**
 * Reads text given as text (JSON documents): HTML is turned into text, Markdown and plain text are
 * kept as they are.
 * @throws DocumentProblem
 */
export function extractText(input: {
  title: string;
  text: string;
  type?: Exclude<DocumentType, 'pdf'> | undefined;
}) {
  const type = input.type ?? 'text';
  if (type !== 'html') return finish(type, input.title, input.text);
  return finish(type, input.title, htmlToText(input.text).text);
}

/** What reading a file needs from outside: PDF text extraction (the PDF Worker, or unpdf in Node). */
export interface ExtractFileDependencies {
  readonly pdfToText: PdfToText;
}

/**
 * Reads an uploaded or fetched file, by its content: a PDF by its signature (its text through
 * `pdfToText`), text formats by their declared type or name, binary refused.
 * @throws DocumentProblem, or whatever `pdfToText` throws
 */
export async function extractFile(
  file: DocumentFile,
  { pdfToText }: ExtractFileDependencies,
): Promise<ExtractedDocument> {
  const content = detectContent(file.bytes);
  const named = file.title?.trim() || (file.fileName ? cleanFileName(file.fileName) : '');
  if (content.kind === 'pdf') {
    const { text, title } = await pdfToText(file.bytes);
    return finish('pdf', named || title || 'Untitled PDF', text);
  }
  const declaredPdf =
    file.contentType?.toLowerCase().startsWith('application/pdf') || /\.pdf$/i.test(file.fileName ?? '');
  if (declaredPdf)
    throw new DocumentProblem('unparseable_document', 'The file is declared a PDF but is not one.');
  const type = textType(file, content.text);
  if (type === 'html') {
    const { text, title } = htmlToText(content.text);
    return finish(type, named || title || 'Untitled page', text);
  }
  return finish(type, named || 'Untitled document', content.text);
}
