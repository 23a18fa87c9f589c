import { newId } from '@edgeflow/db';
import type { CancelSignal } from '@edgeflow/engine';
import { type ChunkingSettings, chunkText } from '../chunking/chunk-text.ts';
import type { EmbedTexts } from '../search/knowledge-retriever.ts';
import { indexTerms } from '../search/segment-words.ts';
import type { VectorEntry } from '../search/vector-index.ts';
import type { StoredChunk } from '../store/document-store.ts';

/** Texts per embedding call; the AI SDK splits further where a provider takes fewer. */
const embeddingBatch = 256;

/**
 * A document's chunks ready to store: ids, text, and the words FTS5 indexes. The title is indexed
 * (and embedded) with every chunk, so a question that names the document finds its passages.
 */
export function prepareChunks(title: string, text: string, chunking: ChunkingSettings): StoredChunk[] {
  return chunkText(text, chunking).map((chunk) => ({
    id: newId('chunk'),
    position: chunk.position,
    text: chunk.text,
    terms: indexTerms(`${title}\n${chunk.text}`),
  }));
}

/** The vectors of the chunks with the base's embedding model, or none when it has no model. */
export async function embedChunks(input: {
  embed: EmbedTexts | undefined;
  model: string | null;
  knowledgeBaseId: string;
  documentId: string;
  title: string;
  chunks: readonly StoredChunk[];
  signal?: CancelSignal | undefined;
}): Promise<VectorEntry[]> {
  const { embed, model } = input;
  if (!embed || model === null) return [];
  const entries: VectorEntry[] = [];
  for (let start = 0; start < input.chunks.length; start += embeddingBatch) {
    const batch = input.chunks.slice(start, start + embeddingBatch);
    const { vectors } = await embed(
      model,
      batch.map((chunk) => `${input.title}\n${chunk.text}`),
      input.signal,
    );
    batch.forEach((chunk, index) => {
      const vector = vectors[index];
      if (vector === undefined) throw new Error(`The embedding model ${model} returned too few vectors.`);
      entries.push({
        chunkId: chunk.id,
        knowledgeBaseId: input.knowledgeBaseId,
        documentId: input.documentId,
        vector,
      });
    });
  }
  return entries;
}
