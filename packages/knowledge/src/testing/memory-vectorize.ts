import { cosineSimilarity } from '../search/cosine.ts';
import type { VectorizeBinding } from '../search/vectorize-index.ts';

interface Stored {
  readonly values: number[];
  readonly metadata: Record<string, string>;
}

type Condition = string | { $in?: string[]; $eq?: string };

function matches(value: string | undefined, condition: Condition): boolean {
  if (typeof condition === 'string') return value === condition;
  if (condition.$eq !== undefined && value !== condition.$eq) return false;
  if (condition.$in !== undefined && (value === undefined || !condition.$in.includes(value))) return false;
  return true;
}

/**
 * An in-memory stand-in for a Vectorize binding (Vectorize does not run locally) with its documented
 * behaviour: cosine scores, metadata filters with `$eq`/`$in`, topK at most 100, upsert replacing by
 * id, at most 1,000 vectors per write.
 */
export function createMemoryVectorize(): VectorizeBinding & { readonly size: number } {
  const stored = new Map<string, Stored>();
  return {
    get size() {
      return stored.size;
    },
    async upsert(vectors) {
      if (vectors.length > 1_000) throw new Error('VECTOR_UPSERT_ERROR: at most 1000 vectors per upsert');
      for (const vector of vectors)
        stored.set(vector.id, { values: vector.values, metadata: vector.metadata ?? {} });
      return { mutationId: crypto.randomUUID() };
    },
    async deleteByIds(ids) {
      if (ids.length > 1_000) throw new Error('VECTOR_DELETE_ERROR: at most 1000 ids per delete');
      for (const id of ids) stored.delete(id);
      return { mutationId: crypto.randomUUID() };
    },
    async query(vector, options) {
      if (options.topK > 100) throw new Error('VECTOR_QUERY_ERROR: topK must be at most 100');
      const filter = Object.entries(options.filter ?? {});
      const found = [...stored]
        .filter(([, entry]) =>
          filter.every(([field, condition]) => matches(entry.metadata[field], condition)),
        )
        .map(([id, entry]) => ({ id, score: cosineSimilarity(vector, entry.values) }))
        .sort((left, right) => right.score - left.score)
        .slice(0, options.topK);
      return { matches: found };
    },
  };
}
