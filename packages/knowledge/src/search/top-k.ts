import type { RankedHit } from './rank-fusion.ts';

/** The `k` best hits, best first (ties by chunk id, so results do not depend on storage order). */
export function topHits(hits: readonly RankedHit[], k: number): RankedHit[] {
  return [...hits]
    .sort((left, right) => right.score - left.score || (left.chunkId < right.chunkId ? -1 : 1))
    .slice(0, Math.max(0, k));
}
