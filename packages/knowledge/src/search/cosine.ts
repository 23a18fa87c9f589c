/** Cosine similarity of two vectors of the same length; 0 when either has no length. */
export function cosineSimilarity(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let dot = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftSquares += a * a;
    rightSquares += b * b;
  }
  const norms = Math.sqrt(leftSquares) * Math.sqrt(rightSquares);
  return norms === 0 ? 0 : dot / norms;
}

/** A similarity as a relevance score in [0, 1]: opposite and orthogonal directions both count as 0. */
export const relevanceOfCosine = (cosine: number) => Math.min(1, Math.max(0, cosine));

/** BM25 from FTS5 (negative, lower is better) as a relevance score in (0, 1): s / (s + 1). */
export function relevanceOfBm25(bm25: number): number {
  const strength = Math.max(0, -bm25);
  return strength / (strength + 1);
}
