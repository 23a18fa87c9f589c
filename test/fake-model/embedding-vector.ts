// Word boundaries from ICU, so Chinese and Japanese text splits into words as English does.
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * A deterministic embedding: the words of the text (lower-cased) hashed into `dimensions` buckets
 * with a hashed sign, then L2-normalised, so texts that share words have a high cosine similarity
 * and unrelated texts are near orthogonal. Text without words maps to the first unit vector, since a
 * zero vector has no cosine similarity at all.
 * @example cosineSimilarity(embedText('red apple', 64), embedText('apple pie', 64)) > 0
 */
export function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const segment of wordSegmenter.segment(text.toLowerCase())) {
    if (segment.isWordLike !== true) continue;
    const hash = fnv1a(segment.segment);
    const bucket = hash % dimensions;
    // The low bits pick the bucket; the top bit is independent of them.
    const sign = hash >>> 31 === 0 ? 1 : -1;
    vector[bucket] = (vector[bucket] ?? 0) + sign;
  }
  const length = Math.hypot(...vector);
  if (length === 0) return vector.map((_, index) => (index === 0 ? 1 : 0));
  return vector.map((value) => value / length);
}

/** 32-bit FNV-1a over the UTF-16 code units: tiny, fast, and the same on every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** OpenAI's `encoding_format: 'base64'`: little-endian float32 bytes, base64-encoded. */
export function encodeEmbeddingBase64(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
