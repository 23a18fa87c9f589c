import { type Database, knowledgeSchema } from '@edgeflow/db';
import { sql } from 'drizzle-orm';
import { jsonGroups, runBatch, statement } from '../store/run-batch.ts';
import { cosineSimilarity, relevanceOfCosine } from './cosine.ts';
import { decodeVector, encodeVector } from './float32-base64.ts';
import { topHits } from './top-k.ts';
import type { SearchScope, VectorIndex } from './vector-index.ts';

const { knowledgeChunkVectors: vectors } = knowledgeSchema;

/** The ids of a scope as one JSON bound value, for `in (select value from json_each(?))`. */
export const idList = (ids: readonly string[]) => JSON.stringify(ids);

/**
 * Vectors in D1 with exact cosine search in the Worker: every vector of the searched bases is read
 * and compared. Right for local development and small bases (it is the store that runs offline);
 * production binds Vectorize, whose approximate index scales.
 */
export function createD1VectorIndex(db: Database): VectorIndex {
  return {
    async upsert(entries) {
      const rows = entries.map((entry) => [
        entry.chunkId,
        entry.knowledgeBaseId,
        entry.documentId,
        encodeVector(entry.vector),
      ]);
      await runBatch(
        db,
        jsonGroups(rows).map((group) =>
          statement(
            db,
            `insert or replace into knowledge_chunk_vectors (chunk_id, knowledge_base_id, document_id, vector)
            select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
              json_extract(value, '$[3]')
            from json_each(?)`,
            group,
          ),
        ),
      );
    },

    async remove(chunkIds) {
      await runBatch(
        db,
        jsonGroups(chunkIds).map((group) =>
          statement(
            db,
            'delete from knowledge_chunk_vectors where chunk_id in (select value from json_each(?))',
            group,
          ),
        ),
      );
    },

    async search(vector, scope: SearchScope) {
      if (scope.knowledgeBaseIds.length === 0 || scope.topK <= 0) return [];
      const documents = scope.documentIds?.length
        ? sql` and document_id in (select value from json_each(${idList(scope.documentIds)}))`
        : sql``;
      const rows = await db.all<{ chunkId: string; vector: string }>(sql`select chunk_id as chunkId, vector
        from ${vectors}
        where knowledge_base_id in (select value from json_each(${idList(scope.knowledgeBaseIds)}))${documents}`);
      const hits = rows.map((row) => ({
        chunkId: row.chunkId,
        score: relevanceOfCosine(cosineSimilarity(vector, decodeVector(row.vector))),
      }));
      return topHits(hits, scope.topK);
    },
  };
}
