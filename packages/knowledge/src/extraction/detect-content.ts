import { DocumentProblem, documentLimits } from './document-problem.ts';

/** What a file turned out to be, by its bytes. */
export type SniffedContent = { readonly kind: 'pdf' } | { readonly kind: 'text'; readonly text: string };

// File signatures of common binary formats that arrive disguised as text.
const binarySignatures: readonly (readonly [string, readonly number[]])[] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Windows executable', [0x4d, 0x5a]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['RIFF media file', [0x52, 0x49, 0x46, 0x46]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

const pdfSignature = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function decodeText(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // `ignoreBOM: false` drops a UTF-8 byte order mark.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that no text file has (C0 controls other than tab, newlines and form feed). */
function controlShare(text: string): number {
  let controls = 0;
  const sample = text.slice(0, 64 * 1024);
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f)
      controls += 1;
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}

/**
 * Decides what a file is from its bytes alone (SECURITY 14), never from its name or declared type:
 * a PDF by its signature, text if it is UTF-8 (or UTF-16 with a byte order mark) without control
 * characters; anything else is refused as binary.
 * @throws DocumentProblem `document_too_large`, `empty_document` or `unsupported_document`
 */
export function detectContent(bytes: Uint8Array): SniffedContent {
  if (bytes.byteLength > documentLimits.fileBytes) {
    throw new DocumentProblem(
      'document_too_large',
      `The document is ${bytes.byteLength} bytes; the limit is ${documentLimits.fileBytes} bytes (5 MiB).`,
      { limitBytes: documentLimits.fileBytes },
    );
  }
  if (bytes.byteLength === 0) throw new DocumentProblem('empty_document', 'The document is empty.');
  if (startsWith(bytes, pdfSignature)) return { kind: 'pdf' };
  const signature = binarySignatures.find(([, prefix]) => startsWith(bytes, prefix));
  if (signature) {
    throw new DocumentProblem(
      'unsupported_document',
      `The file is a ${signature[0]}, not text, Markdown, HTML or PDF.`,
    );
  }
  const text = decodeText(bytes);
  if (text === null || text.includes('\u0000') || controlShare(text) > 0.01) {
    throw new DocumentProblem(
      'unsupported_document',
      'The file is binary (or not UTF-8 text); upload text, Markdown, HTML or PDF.',
    );
  }
  return { kind: 'text', text };
}
