import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfToText } from '../pdf/pdf-to-text.ts';
import { minimalPdf } from '../testing/minimal-pdf.ts';
import { DocumentProblem, documentLimits } from './document-problem.ts';
import { cleanFileName, type DocumentFile, extractFile, extractText } from './extract-document.ts';

/** Reads a file with the real PDF extraction (unpdf), as the PDF Worker does. */
const read = (file: DocumentFile) => extractFile(file, { pdfToText });
const bytes = (text: string) => new TextEncoder().encode(text);

async function problemOf(work: Promise<unknown>): Promise<DocumentProblem> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DocumentProblem);
  return error as DocumentProblem;
}

describe('extractFile', () => {
  it('hands a PDF to the pdfToText it is given, and only a PDF', async () => {
    const seen: Uint8Array[] = [];
    const fake = async (data: Uint8Array) => {
      seen.push(data);
      return { text: 'From the port.', pages: 1, title: 'Port title' };
    };
    const pdf = minimalPdf(['ignored'], 'ignored');
    expect(await extractFile({ bytes: pdf }, { pdfToText: fake })).toEqual({
      type: 'pdf',
      title: 'Port title',
      text: 'From the port.',
    });
    expect(seen).toEqual([pdf]);
    await extractFile({ bytes: bytes('# Notes'), fileName: 'a.md' }, { pdfToText: fake });
    expect(seen).toHaveLength(1);
    const refused = async () => {
      throw new DocumentProblem('unparseable_document', 'no');
    };
    expect((await problemOf(extractFile({ bytes: pdf }, { pdfToText: refused }))).code).toBe(
      'unparseable_document',
    );
  });

  it('reads a PDF by its content, page by page, whatever its declared type', async () => {
    const pdf = minimalPdf(['Refunds take five days.', 'Shipping is free over 50 euros.'], 'Policies');
    const document = await read({ bytes: pdf, fileName: 'notes.txt', contentType: 'text/plain' });
    expect(document.type).toBe('pdf');
    expect(document.title).toBe('notes.txt');
    expect(document.text).toBe('Refunds take five days.\n\nShipping is free over 50 euros.');
    expect((await read({ bytes: pdf })).title).toBe('Policies');
  });

  it('reads Markdown and HTML by declared type or name, and HTML by its content', async () => {
    expect((await read({ bytes: bytes('# A\n\nb'), fileName: 'a.md' })).type).toBe('markdown');
    const html = await read({ bytes: bytes('<!DOCTYPE html><title>T</title><p>Hello</p>') });
    expect(html).toEqual({ type: 'html', title: 'T', text: 'Hello' });
    expect((await read({ bytes: bytes('plain'), title: 'Mine' })).title).toBe('Mine');
  });

  it('refuses empty, oversized, binary and fake PDF files with their own codes', async () => {
    expect((await problemOf(read({ bytes: new Uint8Array() }))).code).toBe('empty_document');
    expect((await problemOf(read({ bytes: bytes(' \n\t ') }))).code).toBe('empty_document');
    const huge = new Uint8Array(documentLimits.fileBytes + 1).fill(0x61);
    const tooLarge = await problemOf(read({ bytes: huge }));
    expect(tooLarge.code).toBe('document_too_large');
    expect(tooLarge.message).toContain('5 MiB');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const disguised = await problemOf(
      read({ bytes: png, fileName: 'readme.txt', contentType: 'text/plain' }),
    );
    expect(disguised).toMatchObject({ code: 'unsupported_document' });
    expect(disguised.message).toContain('PNG');
    const withNul = await problemOf(read({ bytes: bytes('text\u0000more'), fileName: 'a.txt' }));
    expect(withNul.code).toBe('unsupported_document');
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x00]);
    expect((await problemOf(read({ bytes: latin1.slice(0, 6) }))).code).toBe('unsupported_document');
    const fakePdf = await problemOf(read({ bytes: bytes('hello'), fileName: 'x.pdf' }));
    expect(fakePdf.code).toBe('unparseable_document');
    const brokenPdf = await problemOf(read({ bytes: bytes('%PDF-1.4\ngarbage without objects') }));
    expect(brokenPdf.code).toBe('unparseable_document');
  });

  it('answers any bytes with a document or a DocumentProblem, never another error', async () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 512 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }).map(bytes),
      fc.uint8Array({ maxLength: 200 }).map((tail) => new Uint8Array([...bytes('%PDF-1.7\n'), ...tail])),
    );
    await fc.assert(
      fc.asyncProperty(
        input,
        fc.option(fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.pdf')),
        async (data, name) => {
          try {
            const document = await read({ bytes: data, fileName: name ?? undefined });
            expect(document.text.trim()).not.toBe('');
          } catch (error) {
            expect(error).toBeInstanceOf(DocumentProblem);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('extractText', () => {
  it('turns HTML into text and refuses text that is only markup', () => {
    expect(extractText({ title: 't', text: '<h2>Hi</h2><p>there</p>', type: 'html' }).text).toBe(
      '## Hi\n\nthere',
    );
    expect(() => extractText({ title: 't', text: '<div> </div>', type: 'html' })).toThrow(DocumentProblem);
  });
});

describe('cleanFileName', () => {
  it('keeps only the last path segment without control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\docs\\a\u0000b.md')).toBe('ab.md');
  });
});
