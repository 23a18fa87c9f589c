import { relevanceOfCosine } from './cosine.ts';
import type { SearchScope, VectorIndex } from './vector-index.ts';

type MetadataFilter = Record<string, string | { $in: string[] } | { $eq: string }>;

/**
 * The part of a Cloudflare Vectorize binding (`env.VECTORIZE`) this store uses; the real binding
 * satisfies it, and a test can hand in a fake.
 */
export interface VectorizeBinding {
  upsert(vectors: { id: string; values: number[]; metadata?: Record<string, string> }[]): Promise<unknown>;
  deleteByIds(ids: string[]): Promise<unknown>;
  query(
    vector: number[],
    options: { topK: number; filter?: MetadataFilter; returnMetadata?: 'none' },
  ): Promise<{ matches: { id: string; score: number }[] }>;
}

// Vectorize accepts up to 1,000 vectors per upsert and ids per delete from a Worker, and returns at
// most 100 matches without metadata.
const writeBatch = 1_000;
export const vectorizeMaxTopK = 100;

/**
 * Chunk vectors in Cloudflare Vectorize (production). The index must use the `cosine` metric with
 * the embedding model's dimensions, and have metadata indexes on `knowledgeBaseId` and `documentId`
 * (`wrangler vectorize create-metadata-index`), which the scope filters on. Vectorize is eventually
 * consistent: a new vector becomes searchable within seconds, not at once.
 */
export function createVectorizeIndex(binding: VectorizeBinding): VectorIndex {
  return {
    async upsert(entries) {
      for (let start = 0; start < entries.length; start += writeBatch) {
        await binding.upsert(
          entries.slice(start, start + writeBatch).map((entry) => ({
            id: entry.chunkId,
            values: [...entry.vector],
            metadata: { knowledgeBaseId: entry.knowledgeBaseId, documentId: entry.documentId },
          })),
        );
      }
    },

    async remove(chunkIds) {
      for (let start = 0; start < chunkIds.length; start += writeBatch) {
        await binding.deleteByIds(chunkIds.slice(start, start + writeBatch));
      }
    },

    async search(vector, scope: SearchScope) {
      if (scope.knowledgeBaseIds.length === 0 || scope.topK <= 0) return [];
      const filter: MetadataFilter = { knowledgeBaseId: { $in: [...scope.knowledgeBaseIds] } };
      if (scope.documentIds?.length) filter.documentId = { $in: [...scope.documentIds] };
      const { matches } = await binding.query([...vector], {
        topK: Math.min(scope.topK, vectorizeMaxTopK),
        filter,
        returnMetadata: 'none',
      });
      return matches.map((match) => ({ chunkId: match.id, score: relevanceOfCosine(match.score) }));
    },
  };
}
