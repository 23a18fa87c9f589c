import { z } from 'zod';
import { limits } from './limits.ts';
import { documentIdSchema } from './prefixed-id.ts';
import { timestampSchema } from './timestamp.ts';

/** Types a document can be given as JSON text. */
export const textDocumentTypes = ['text', 'markdown', 'html'] as const;
/** Types a stored document can have (PDF arrives only as an uploaded file). */
export const documentTypes = [...textDocumentTypes, 'pdf'] as const;
/** `processing` while it is chunked and indexed, then `ready` or `failed`. */
export const documentStatuses = ['processing', 'ready', 'failed'] as const;

export const textDocumentRequestSchema = z.strictObject({
  title: z.string().min(1).max(limits.nameLength),
  text: z.string().min(1).max(limits.documentTextLength),
  type: z.enum(textDocumentTypes).optional().describe('Defaults to `text`.'),
});

export const urlDocumentRequestSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .max(limits.urlLength)
    .describe('Fetched once through the guarded egress client; the type follows the answer, not the URL.'),
});

/**
 * The JSON body of `POST /api/knowledge-bases/{kbId}/documents`: text or a URL. The same route also
 * takes `multipart/form-data` with a `file` part (text, Markdown, HTML or PDF) and an optional `title`.
 */
export const createDocumentRequestSchema = z.union([textDocumentRequestSchema, urlDocumentRequestSchema]);
export type CreateDocumentRequest = z.input<typeof createDocumentRequestSchema>;

export const knowledgeDocumentSchema = z.object({
  id: documentIdSchema,
  title: z.string(),
  type: z.enum(documentTypes),
  status: z.enum(documentStatuses),
  chunkCount: z.int().min(0),
  // Added after API.md's first version: optional, so answers of that shape still validate.
  sourceUrl: z
    .string()
    .nullable()
    .optional()
    .describe('The URL it was fetched from; `null` for an upload or JSON text.'),
  textBytes: z
    .int()
    .min(0)
    .optional()
    .describe('Size of its extracted text in UTF-8 bytes (what chunking works on).'),
  createdAt: timestampSchema,
  error: z
    .object({ code: z.string(), message: z.string() })
    .optional()
    .describe('Why indexing failed, when `status` is `failed`.'),
});
export type KnowledgeDocument = z.output<typeof knowledgeDocumentSchema>;

export const knowledgeDocumentListSchema = z.object({ documents: z.array(knowledgeDocumentSchema) });
export type KnowledgeDocumentList = z.output<typeof knowledgeDocumentListSchema>;
