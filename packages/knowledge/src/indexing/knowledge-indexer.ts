import { type Database, newId } from '@edgeflow/db';
import type { CancelSignal } from '@edgeflow/engine';
import type { ExtractedDocument } from '../extraction/extract-document.ts';
import type { EmbedTexts } from '../search/knowledge-retriever.ts';
import type { VectorIndex } from '../search/vector-index.ts';
import { createDocumentStore, type DocumentRecord } from '../store/document-store.ts';
import type { KnowledgeBaseRecord } from '../store/knowledge-base-store.ts';
import { runBatch } from '../store/run-batch.ts';
import { embedChunks, prepareChunks } from './prepare-chunks.ts';

export interface KnowledgeIndexerOptions {
  readonly db: Database;
  readonly vectors?: VectorIndex | undefined;
  readonly embed?: EmbedTexts | undefined;
}

type Base = Pick<KnowledgeBaseRecord, 'id' | 'chunking' | 'embeddingModel'>;

/**
 * Writes documents into a knowledge base so that none is ever half-indexed: everything that can fail
 * (extraction, chunking, embedding) happens before the first write; vectors go first (a vector whose
 * chunk does not exist is never returned), then the document, its text and all its chunks in one
 * D1 batch, which is one transaction. If that batch fails, the vectors are removed again.
 */
export function createKnowledgeIndexer(options: KnowledgeIndexerOptions) {
  const { db, vectors } = options;
  const documents = createDocumentStore(db);

  async function writeVectors<Result>(
    entries: Parameters<VectorIndex['upsert']>[0],
    write: () => Promise<Result>,
  ) {
    if (entries.length > 0) {
      if (!vectors) throw new Error('Vectors were computed but no vector index is configured.');
      await vectors.upsert(entries);
    }
    try {
      return await write();
    } catch (error) {
      if (entries.length > 0)
        await vectors?.remove(entries.map((entry) => entry.chunkId)).catch(() => undefined);
      throw error;
    }
  }

  return {
    /** Chunks, embeds and stores a new document; answers it once it is searchable. */
    async add(
      base: Base,
      document: ExtractedDocument & { readonly sourceUrl?: string | null },
      signal?: CancelSignal,
    ): Promise<DocumentRecord> {
      const id = newId('doc');
      const chunks = prepareChunks(document.title, document.text, base.chunking);
      const entries = await embedChunks({
        embed: options.embed,
        model: base.embeddingModel,
        knowledgeBaseId: base.id,
        documentId: id,
        title: document.title,
        chunks,
        signal,
      });
      await writeVectors(entries, () =>
        runBatch(
          db,
          documents.insertStatements({
            id,
            knowledgeBaseId: base.id,
            title: document.title,
            type: document.type,
            sourceUrl: document.sourceUrl ?? null,
            text: document.text,
            chunks,
          }),
        ),
      );
      const stored = await documents.get(base.id, id);
      if (!stored) throw new Error(`Document ${id} was written but cannot be read back.`);
      return stored;
    },

    /**
     * Re-chunks (and re-embeds) a document from its stored text with the base's current settings,
     * swapping old chunks for new ones in one batch. On failure the old chunks stay and the document
     * is marked `failed` with the reason.
     */
    async reindex(base: Base, document: Pick<DocumentRecord, 'id' | 'title'>, signal?: CancelSignal) {
      const oldIds = await documents.chunkIds({ knowledgeBaseId: base.id, documentId: document.id });
      try {
        const text = await documents.text(document.id);
        const chunks = prepareChunks(document.title, text, base.chunking);
        const entries = await embedChunks({
          embed: options.embed,
          model: base.embeddingModel,
          knowledgeBaseId: base.id,
          documentId: document.id,
          title: document.title,
          chunks,
          signal,
        });
        await writeVectors(entries, () =>
          runBatch(db, documents.replaceChunksStatements(base.id, document.id, chunks)),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : 'unknown error';
        await documents.markFailed(document.id, {
          code: 'reindex_failed',
          message: `Re-indexing failed (${message.slice(0, 300)}); the previous chunks are still searchable.`,
        });
        throw error;
      }
      await vectors?.remove(oldIds);
      return documents.get(base.id, document.id);
    },

    /** Removes vectors of chunks already deleted from D1 (a deleted base); a no-op for the D1 store's own. */
    async removeVectors(chunkIds: readonly string[]): Promise<void> {
      if (chunkIds.length > 0) await vectors?.remove(chunkIds);
    },

    /** Deletes a document with its chunks, keyword index rows and vectors. */
    async remove(knowledgeBaseId: string, documentId: string): Promise<boolean> {
      const chunkIds = await documents.chunkIds({ knowledgeBaseId, documentId });
      const deleted = await documents.delete(knowledgeBaseId, documentId);
      if (deleted) await vectors?.remove(chunkIds);
      return deleted;
    },
  };
}
export type KnowledgeIndexer = ReturnType<typeof createKnowledgeIndexer>;
