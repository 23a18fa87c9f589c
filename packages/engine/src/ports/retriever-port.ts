import type { CancelSignal } from './cancel-signal.ts';

export type RetrievalMode = 'keyword' | 'vector' | 'hybrid';

export interface RetrievalQuery {
  readonly knowledgeBaseIds: readonly string[];
  readonly query: string;
  readonly topK: number;
  /** Chunks scoring below it (0..1) are left out. */
  readonly minScore: number;
  readonly mode: RetrievalMode;
}

export interface RetrievedChunk {
  readonly text: string;
  /** Relevance between 0 and 1, higher is better. */
  readonly score: number;
  readonly documentId: string;
  readonly title: string;
  /** The chunk's position in its document, from 0. */
  readonly position: number;
}

/** Searches knowledge bases; the best chunks first. */
export interface RetrieverPort {
  search(query: RetrievalQuery, signal: CancelSignal): Promise<readonly RetrievedChunk[]>;
}
