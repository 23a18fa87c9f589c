import type { Database } from '@edgeflow/db';
import {
  type CancelSignal,
  PortError,
  type RetrievalMode,
  type RetrievalQuery,
  type RetrievedChunk,
  type RetrieverPort,
} from '@edgeflow/engine';
import { createKnowledgeBaseStore, type KnowledgeBaseSearchInfo } from '../store/knowledge-base-store.ts';
import { type ChunkDetails, type KeywordHit, keywordSearch, loadChunks } from './keyword-search.ts';
import { fuseRankings, type RankedHit } from './rank-fusion.ts';
import type { SearchScope, VectorIndex } from './vector-index.ts';

/** Embeds texts with a `provider:model` (the providers package's `createEmbedder(env).embed`). */
export type EmbedTexts = (
  model: string,
  texts: readonly string[],
  signal?: CancelSignal,
) => Promise<{ vectors: number[][] }>;

/**
 * A retrieval request: the engine's query, optionally narrowed to some documents. `auto` is hybrid
 * when a searched base has an embedding model, else keyword.
 */
export interface KnowledgeSearch extends Omit<RetrievalQuery, 'mode'> {
  readonly mode: RetrievalMode | 'auto';
  readonly documentIds?: readonly string[] | undefined;
}

export interface KnowledgeRetrieverOptions {
  readonly db: Database;
  /** Where vectors live; without it (or `embed`), only keyword search is available. */
  readonly vectors?: VectorIndex | undefined;
  readonly embed?: EmbedTexts | undefined;
}

/** Candidates each list contributes to hybrid fusion, so fusion can reorder beyond the top few. */
const fusionCandidates = (topK: number) => Math.min(100, Math.max(20, topK * 4));

export interface KnowledgeRetriever extends RetrieverPort {
  search(query: KnowledgeSearch, signal?: CancelSignal): Promise<readonly RetrievedChunk[]>;
}

/**
 * The engine's retriever over D1 (keyword, FTS5/BM25) and a vector index, scoped to the knowledge
 * bases a query names (unknown ids find nothing). Scores are in [0, 1]: BM25 as s / (s + 1) for
 * `keyword`, cosine for `vector`, reciprocal rank fusion (normalised) for `hybrid`. Hybrid without an
 * embedding model ranks by keywords alone; `vector` without one fails with `embedding_model_required`.
 * The keyword search and the look-up of the bases' embedding models run concurrently: a keyword
 * query costs one D1 round trip of latency.
 */
export function createKnowledgeRetriever(options: KnowledgeRetrieverOptions): KnowledgeRetriever {
  const { db } = options;
  const bases = createKnowledgeBaseStore(db);

  async function vectorHits(
    text: string,
    scope: SearchScope,
    found: readonly KnowledgeBaseSearchInfo[],
    signal: CancelSignal | undefined,
  ): Promise<RankedHit[]> {
    const { vectors, embed } = options;
    const models = new Map<string, string[]>();
    for (const base of found) {
      if (base.embeddingModel !== null)
        models.set(base.embeddingModel, [...(models.get(base.embeddingModel) ?? []), base.id]);
    }
    if (!vectors || !embed || models.size === 0) return [];
    const lists = await Promise.all(
      [...models].map(async ([model, knowledgeBaseIds]) => {
        const { vectors: [vector] = [] } = await embed(model, [text], signal);
        return vector ? vectors.search(vector, { ...scope, knowledgeBaseIds }) : [];
      }),
    );
    return lists
      .flat()
      .sort((left, right) => right.score - left.score)
      .slice(0, scope.topK);
  }

  return {
    async search(query: KnowledgeSearch, signal?: CancelSignal) {
      if (query.knowledgeBaseIds.length === 0 || query.query.trim() === '') return [];
      const candidates =
        query.mode === 'keyword' || query.mode === 'vector' ? query.topK : fusionCandidates(query.topK);
      const scope: SearchScope = {
        knowledgeBaseIds: [...new Set(query.knowledgeBaseIds)],
        documentIds: query.documentIds,
        topK: candidates,
      };
      const keywordWork: Promise<KeywordHit[]> =
        query.mode === 'vector' ? Promise.resolve([]) : keywordSearch(db, query.query, scope);
      // Settled here so a failed keyword search is not an unhandled rejection while the look-up runs.
      keywordWork.catch(() => undefined);
      const found = await bases.searchInfo(scope.knowledgeBaseIds);
      const hasModel = found.some((base) => base.embeddingModel !== null);
      const mode: RetrievalMode = query.mode === 'auto' ? (hasModel ? 'hybrid' : 'keyword') : query.mode;
      if (mode === 'vector' && (!hasModel || !options.vectors || !options.embed)) {
        throw new PortError(
          'embedding_model_required',
          'Vector search needs a knowledge base with an embedding model; use keyword or hybrid search, or set one.',
          { retryable: false },
        );
      }
      const [keyword, vector] = await Promise.all([
        keywordWork,
        mode === 'keyword' ? [] : vectorHits(query.query, scope, found, signal),
      ]);
      const ranked =
        mode === 'keyword' ? keyword : mode === 'vector' ? vector : fuseRankings([keyword, vector]);
      const kept = ranked.filter((hit) => hit.score >= query.minScore).slice(0, query.topK);
      const details = new Map<string, ChunkDetails>(keyword.map((hit) => [hit.chunkId, hit]));
      const missing = kept.filter((hit) => !details.has(hit.chunkId)).map((hit) => hit.chunkId);
      for (const [id, chunk] of await loadChunks(db, missing, scope)) details.set(id, chunk);
      return kept.flatMap((hit) => {
        const chunk = details.get(hit.chunkId);
        return chunk
          ? [
              {
                text: chunk.text,
                score: hit.score,
                documentId: chunk.documentId,
                title: chunk.title,
                position: chunk.position,
              },
            ]
          : [];
      });
    },
  };
}
