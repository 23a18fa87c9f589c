import type { Database } from '@edgeflow/db';
import {
  type CancelSignal,
  PortError,
  type RetrievalMode,
  type RetrievalQuery,
  type RetrievedChunk,
  type RetrieverPort,
} from '@edgeflow/engine';
import { type KnowledgeBaseSearchInfo, searchInfoStatement } from '../store/knowledge-base-store.ts';
import { queryBatch } from '../store/run-batch.ts';
import {
  type ChunkDetails,
  type KeywordRow,
  keywordHits,
  keywordStatement,
  loadChunks,
} from './keyword-search.ts';
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

/** A search's chunks, with the searched bases that exist (none: every named base is unknown). */
export interface KnowledgeSearchResult {
  readonly bases: readonly KnowledgeBaseSearchInfo[];
  readonly chunks: readonly RetrievedChunk[];
}

export interface KnowledgeRetriever extends RetrieverPort {
  search(query: KnowledgeSearch, signal?: CancelSignal): Promise<readonly RetrievedChunk[]>;
  /** `search`, also telling which of the named bases exist (a query route answers 404 without a second read). */
  searchWithBases(query: KnowledgeSearch, signal?: CancelSignal): Promise<KnowledgeSearchResult>;
}

/**
 * The engine's retriever over D1 (keyword, FTS5/BM25) and a vector index, scoped to the knowledge
 * bases a query names (unknown ids find nothing). Scores are in [0, 1]: BM25 as s / (s + 1) for
 * `keyword`, cosine for `vector`, reciprocal rank fusion (normalised) for `hybrid`. Hybrid without an
 * embedding model ranks by keywords alone; `vector` without one fails with `embedding_model_required`.
 * The look-up of the bases (do they exist, which embedding models) and the keyword search go to D1 in
 * one batch: a keyword query costs one D1 round trip.
 */
export function createKnowledgeRetriever(options: KnowledgeRetrieverOptions): KnowledgeRetriever {
  const { db } = options;

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

  /** The bases' search info and, unless only vectors are wanted, the keyword hits: one D1 batch. */
  async function lookUp(query: KnowledgeSearch, scope: SearchScope) {
    const keyword = query.mode === 'vector' ? null : keywordStatement(db, query.query, scope);
    const info = searchInfoStatement(db, scope.knowledgeBaseIds);
    const [found = [], hits = []] = await queryBatch(db, keyword ? [info, keyword] : [info]);
    return { found: found as KnowledgeBaseSearchInfo[], keyword: keywordHits(hits as KeywordRow[]) };
  }

  async function searchWithBases(
    query: KnowledgeSearch,
    signal?: CancelSignal,
  ): Promise<KnowledgeSearchResult> {
    const knowledgeBaseIds = [...new Set(query.knowledgeBaseIds)];
    if (knowledgeBaseIds.length === 0) return { bases: [], chunks: [] };
    const candidates =
      query.mode === 'keyword' || query.mode === 'vector' ? query.topK : fusionCandidates(query.topK);
    const scope: SearchScope = { knowledgeBaseIds, documentIds: query.documentIds, topK: candidates };
    const { found, keyword } = await lookUp(query, scope);
    if (found.length === 0 || query.query.trim() === '') return { bases: found, chunks: [] };
    const hasModel = found.some((base) => base.embeddingModel !== null);
    const mode: RetrievalMode = query.mode === 'auto' ? (hasModel ? 'hybrid' : 'keyword') : query.mode;
    if (mode === 'vector' && (!hasModel || !options.vectors || !options.embed)) {
      throw new PortError(
        'embedding_model_required',
        'Vector search needs a knowledge base with an embedding model; use keyword or hybrid search, or set one.',
        { retryable: false },
      );
    }
    const vector = mode === 'keyword' ? [] : await vectorHits(query.query, scope, found, signal);
    const ranked =
      mode === 'keyword' ? keyword : mode === 'vector' ? vector : fuseRankings([keyword, vector]);
    const kept = ranked.filter((hit) => hit.score >= query.minScore).slice(0, query.topK);
    const details = new Map<string, ChunkDetails>(keyword.map((hit) => [hit.chunkId, hit]));
    const missing = kept.filter((hit) => !details.has(hit.chunkId)).map((hit) => hit.chunkId);
    for (const [id, chunk] of await loadChunks(db, missing, scope)) details.set(id, chunk);
    const chunks = kept.flatMap((hit) => {
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
    return { bases: found, chunks };
  }

  return {
    searchWithBases,
    async search(query: KnowledgeSearch, signal?: CancelSignal) {
      return (await searchWithBases(query, signal)).chunks;
    },
  };
}
