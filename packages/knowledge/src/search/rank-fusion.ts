/** A chunk found by one search, best first within its list. */
export interface RankedHit {
  readonly chunkId: string;
  readonly score: number;
}

/** The usual RRF constant: it damps the weight of the very top ranks. */
export const rankFusionConstant = 60;

/**
 * Reciprocal rank fusion of ranked lists: each chunk scores Σ 1 / (k + rank) over the lists that hold
 * it, divided by the best possible sum (first in every list), so scores fall in (0, 1].
 * @example fuseRankings([[a, b], [b, c]]) // b first: it is in both lists
 */
export function fuseRankings(
  rankings: readonly (readonly RankedHit[])[],
  k = rankFusionConstant,
): RankedHit[] {
  const lists = rankings.filter((list) => list.length > 0);
  if (lists.length === 0) return [];
  const best = lists.length / (k + 1);
  const sums = new Map<string, number>();
  for (const list of lists) {
    list.forEach((hit, index) => {
      sums.set(hit.chunkId, (sums.get(hit.chunkId) ?? 0) + 1 / (k + index + 1));
    });
  }
  return [...sums]
    .map(([chunkId, sum]) => ({ chunkId, score: sum / best }))
    .sort((left, right) => right.score - left.score || (left.chunkId < right.chunkId ? -1 : 1));
}
