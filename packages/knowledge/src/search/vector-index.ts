import type { RankedHit } from './rank-fusion.ts';

/** Which chunks a search may return: only those of the named bases (and documents, when named). */
export interface SearchScope {
  readonly knowledgeBaseIds: readonly string[];
  /** When given and non-empty, only chunks of these documents. */
  readonly documentIds?: readonly string[] | undefined;
  readonly topK: number;
}

/** The vector of one chunk, with the ids a search filters on. */
export interface VectorEntry {
  readonly chunkId: string;
  readonly knowledgeBaseId: string;
  readonly documentId: string;
  readonly vector: readonly number[];
}

/**
 * Where chunk vectors live: D1 with exact cosine search locally, Vectorize in production. Hits score
 * the cosine similarity clipped to [0, 1], best first. A hit may name a chunk that no longer exists
 * (vectors are written before the chunks' batch and removed after them): callers join hits with
 * the chunks, so such a vector is never returned.
 */
export interface VectorIndex {
  upsert(entries: readonly VectorEntry[]): Promise<void>;
  /** Removes vectors by chunk id; ids that are not there are ignored. */
  remove(chunkIds: readonly string[]): Promise<void>;
  search(vector: readonly number[], scope: SearchScope): Promise<RankedHit[]>;
}
