import { z } from 'zod';
import { limits } from './limits.ts';
import { documentIdSchema } from './prefixed-id.ts';

export const retrievalModes = ['keyword', 'vector', 'hybrid'] as const;

/** `POST /api/knowledge-bases/{kbId}/query`: the same retrieval a pipeline's retrieval node does. */
export const knowledgeQueryRequestSchema = z.strictObject({
  query: z.string().min(1).max(limits.queryLength),
  topK: z.int().min(1).max(limits.topK).optional().describe('Defaults to 4.'),
  mode: z
    .enum(retrievalModes)
    .optional()
    .describe(
      'Defaults to `hybrid` with an embedding model, else `keyword`; `vector` needs an embedding model.',
    ),
  minScore: z
    .number()
    .min(0)
    .optional()
    .describe('Chunks scoring below are left out; scores depend on `mode`.'),
  documentIds: z
    .array(documentIdSchema)
    .min(1)
    .max(limits.queryDocumentCount)
    .optional()
    .describe('Only chunks of these documents (a metadata filter); by default all of the base.'),
});
export type KnowledgeQueryRequest = z.input<typeof knowledgeQueryRequestSchema>;

export const knowledgeChunkSchema = z.object({
  text: z.string(),
  score: z.number(),
  documentId: documentIdSchema,
  title: z.string(),
  position: z.int().min(0).describe("The chunk's index within its document, from 0."),
});
export type KnowledgeChunk = z.output<typeof knowledgeChunkSchema>;

export const knowledgeQueryResponseSchema = z.object({
  chunks: z.array(knowledgeChunkSchema).describe('Best first.'),
});
export type KnowledgeQueryResponse = z.output<typeof knowledgeQueryResponseSchema>;
