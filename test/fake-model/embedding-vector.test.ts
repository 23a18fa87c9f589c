import { describe, expect, it } from 'vitest';
import { embedText, encodeEmbeddingBase64 } from './embedding-vector.ts';

const cosine = (left: readonly number[], right: readonly number[]): number =>
  left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);

describe('embedText', () => {
  it('is deterministic, L2-normalised and of the asked dimension', () => {
    const vector = embedText('The quick brown fox', 64);
    expect(vector).toHaveLength(64);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    expect(embedText('The quick brown fox', 64)).toEqual(vector);
  });

  it('puts texts that share words closer than texts that do not', () => {
    const query = embedText('refund policy for orders', 256);
    const related = embedText('Our refund policy covers all orders', 256);
    const unrelated = embedText('The weather is sunny today', 256);
    expect(cosine(query, related)).toBeGreaterThan(0.4);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.3);
  });

  it('ignores case and punctuation, and segments Chinese into words', () => {
    expect(embedText('Hello, WORLD!', 32)).toEqual(embedText('hello world', 32));
    expect(cosine(embedText('阿里云百炼平台', 256), embedText('百炼平台降低了成本', 256))).toBeGreaterThan(
      0.2,
    );
  });

  it('maps text without words to a unit vector', () => {
    expect(embedText('  ...  ', 4)).toEqual([1, 0, 0, 0]);
  });

  it('encodes base64 as little-endian float32', () => {
    const vector = [0.5, -0.25, 1];
    const bytes = Buffer.from(encodeEmbeddingBase64(vector), 'base64');
    expect([0, 1, 2].map((index) => bytes.readFloatLE(index * 4))).toEqual(vector);
  });
});
