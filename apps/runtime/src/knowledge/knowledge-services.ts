import { createDatabase } from '@edgeflow/db';
import {
  createD1VectorIndex,
  createDocumentStore,
  createKnowledgeBaseStore,
  createKnowledgeIndexer,
  createKnowledgeRetriever,
  createVectorizeIndex,
  type EmbedTexts,
} from '@edgeflow/knowledge';
import { createEmbedder } from '@edgeflow/providers';
import type { Env } from '../env.ts';

/**
 * The knowledge-base stores, indexer and retriever of a Worker env, in one place: vectors go to the
 * `VECTORIZE` binding when it exists (production), else to D1 with exact cosine search (local, where
 * Vectorize does not run); embeddings through the providers package.
 */
export function knowledgeServices(env: Env) {
  const db = createDatabase(env.DB);
  const vectors = env.VECTORIZE ? createVectorizeIndex(env.VECTORIZE) : createD1VectorIndex(db);
  const embedder = createEmbedder(env);
  const embed: EmbedTexts = (model, texts, signal) => embedder.embed(model, texts, signal);
  return {
    bases: createKnowledgeBaseStore(db),
    documents: createDocumentStore(db),
    indexer: createKnowledgeIndexer({ db, vectors, embed }),
    retriever: createKnowledgeRetriever({ db, vectors, embed }),
    embed,
  };
}
export type KnowledgeServices = ReturnType<typeof knowledgeServices>;
