/** Size of `local:hash` vectors. */
export const hashEmbeddingDimensions = 256;

// Word boundaries from ICU (available in Workers too), so Chinese splits into words as English does.
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The `local:hash` embedding: the lower-cased words of the text hashed into buckets with a hashed
 * sign (the "hashing trick"), L2-normalised. Texts that share words get a high cosine similarity,
 * texts that share none are near orthogonal. It is deterministic and offline, good for plumbing
 * and tests, and NOT semantic: "car" and "automobile" are unrelated to it.
 * @example embedByHash('red apples').length === hashEmbeddingDimensions
 */
export function embedByHash(text: string, dimensions = hashEmbeddingDimensions): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const segment of words.segment(text.toLowerCase())) {
    if (segment.isWordLike !== true) continue;
    const hash = fnv1a(segment.segment);
    const bucket = hash % dimensions;
    // The bucket comes from the low bits; the top bit is independent of them.
    vector[bucket] = (vector[bucket] ?? 0) + (hash >>> 31 === 0 ? 1 : -1);
  }
  const length = Math.hypot(...vector);
  // A zero vector has no direction; text without words gets a fixed unit vector instead.
  if (length === 0) return vector.map((_, index) => (index === 0 ? 1 : 0));
  return vector.map((value) => value / length);
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, fast and the same on every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Rough token count of the texts (their words), reported as the usage of `local:hash`. */
export function countWords(texts: readonly string[]): number {
  let count = 0;
  for (const text of texts) {
    for (const segment of words.segment(text)) if (segment.isWordLike === true) count += 1;
  }
  return count;
}
