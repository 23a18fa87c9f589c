import { createDocumentRequestSchema } from '@edgeflow/api';
import { type DocumentFile, DocumentProblem, documentLimits } from '@edgeflow/knowledge';
import type { Context } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { readJson } from '../http/read-body.ts';

/** What `POST …/documents` carried: text, a URL to fetch, or an uploaded file. */
export type DocumentRequest =
  | {
      readonly kind: 'text';
      readonly title: string;
      readonly text: string;
      readonly type?: 'text' | 'markdown' | 'html' | undefined;
    }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly file: DocumentFile };

// A JSON document of 1,000,000 characters is up to ~3 MB of UTF-8 plus escaping.
const jsonLimit = 4 * 1024 * 1024;
// The file itself (5 MiB) plus the multipart framing and a title.
const multipartLimit = documentLimits.fileBytes + 64 * 1024;

async function readLimitedBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  const tooLarge = () =>
    new DocumentProblem(
      'document_too_large',
      `The upload is over the limit; a file may be at most ${documentLimits.fileBytes} bytes (5 MiB).`,
      { limitBytes: documentLimits.fileBytes },
    );
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

async function readUpload(context: Context, contentType: string): Promise<DocumentRequest> {
  const bytes = await readLimitedBytes(context.req.raw, multipartLimit);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new ApiError(400, 'invalid_request', 'The multipart body could not be parsed.');
  }
  const file = form.get('file');
  const title = form.get('title');
  if (file === null || typeof file === 'string') {
    throw new ApiError(400, 'invalid_request', 'Send the document as a multipart part named `file`.');
  }
  if (title !== null && (typeof title !== 'string' || title.length > 200)) {
    throw new ApiError(400, 'invalid_request', 'The `title` part must be text of at most 200 characters.');
  }
  return {
    kind: 'file',
    file: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      contentType: file.type,
      title: title ?? undefined,
    },
  };
}

/** Reads the body of `POST /api/knowledge-bases/{kbId}/documents` (JSON or multipart). */
export async function readDocumentRequest(context: Context): Promise<DocumentRequest> {
  const contentType = context.req.header('content-type') ?? '';
  if (/^multipart\/form-data\s*;/i.test(contentType)) return readUpload(context, contentType);
  const body = await readJson(context, createDocumentRequestSchema, { limit: jsonLimit });
  if ('url' in body) return { kind: 'url', url: body.url };
  return { kind: 'text', title: body.title, text: body.text, type: body.type };
}
