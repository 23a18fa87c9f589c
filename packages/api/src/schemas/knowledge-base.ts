import { z } from 'zod';
import { limits } from './limits.ts';
import { modelIdSchema } from './model.ts';
import { knowledgeBaseIdSchema } from './prefixed-id.ts';
import { timestampSchema } from './timestamp.ts';

/** Chunking used when `chunking` is left out, in characters. */
export const defaultChunking = { size: 800, overlap: 100 } as const;

/** How documents are cut into chunks: `size` characters per chunk, `overlap` shared with the previous. */
export const chunkingSchema = z
  .strictObject({
    size: z.int().min(100).max(8_000),
    overlap: z.int().min(0).max(4_000),
  })
  .refine((chunking) => chunking.overlap < chunking.size, {
    message: 'overlap must be smaller than size',
    path: ['overlap'],
  });
export type Chunking = z.output<typeof chunkingSchema>;

const embeddingModelSchema = modelIdSchema.describe(
  'An embedding model of `GET /api/models`; without one, retrieval is by keyword only.',
);

/** `POST /api/knowledge-bases`. */
export const createKnowledgeBaseRequestSchema = z.strictObject({
  name: z.string().min(1).max(limits.nameLength),
  chunking: chunkingSchema.optional().describe(`Defaults to ${JSON.stringify(defaultChunking)}.`),
  embeddingModel: embeddingModelSchema.nullable().optional(),
});
export type CreateKnowledgeBaseRequest = z.input<typeof createKnowledgeBaseRequestSchema>;

/** `PATCH /api/knowledge-bases/{kbId}`: a chunking or embedding change re-indexes in place. */
export const updateKnowledgeBaseRequestSchema = z.strictObject({
  name: z.string().min(1).max(limits.nameLength).optional(),
  chunking: chunkingSchema.optional(),
  embeddingModel: embeddingModelSchema.nullable().optional().describe('`null` drops the vectors.'),
});
export type UpdateKnowledgeBaseRequest = z.input<typeof updateKnowledgeBaseRequestSchema>;

export const knowledgeBaseSchema = z.object({
  id: knowledgeBaseIdSchema,
  name: z.string(),
  chunking: z.object({ size: z.int(), overlap: z.int() }),
  embeddingModel: z.string().nullable(),
  documentCount: z.int().min(0),
  chunkCount: z.int().min(0),
  createdAt: timestampSchema,
});
export type KnowledgeBase = z.output<typeof knowledgeBaseSchema>;

export const knowledgeBaseListSchema = z.object({ knowledgeBases: z.array(knowledgeBaseSchema) });
export type KnowledgeBaseList = z.output<typeof knowledgeBaseListSchema>;
