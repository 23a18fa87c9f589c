import type { KnowledgeBaseRecord } from '@edgeflow/knowledge';
import type { Env } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { type KnowledgeServices, knowledgeServices } from './knowledge-services.ts';

/**
 * Refuses an embedding model that cannot embed (unknown, not configured, or failing) before a base
 * is created or re-indexed with it: one short probe text.
 */
export async function checkEmbeddingModel(env: Env, model: string | null): Promise<void> {
  if (model === null) return;
  try {
    const { vectors } = await knowledgeServices(env).embed(model, ['probe']);
    if (vectors[0] === undefined || vectors[0].length === 0) throw new Error('no vector');
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new ApiError(
      422,
      'invalid_embedding_model',
      `The embedding model ${model} cannot be used: ${reason}`,
      {
        model,
      },
    );
  }
}

/**
 * Re-indexes every document of a base in place with its current chunking and embedding model, one
 * document (one batch) at a time: a document that fails keeps its old chunks and is marked `failed`;
 * the others go on.
 */
export async function reindexBase(services: KnowledgeServices, base: KnowledgeBaseRecord): Promise<void> {
  for (const document of await services.documents.list(base.id)) {
    await services.indexer.reindex(base, document).catch(() => undefined);
  }
}
