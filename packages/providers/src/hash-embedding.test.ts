import { describe, expect, it } from 'vitest';
import { countWords, embedByHash, hashEmbeddingDimensions } from './hash-embedding.ts';

function cosine(left: readonly number[], right: readonly number[]): number {
  return left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
}

describe('embedByHash', () => {
  it('is deterministic, unit length and of the declared size', () => {
    const vector = embedByHash('The quick brown fox');
    expect(vector).toHaveLength(hashEmbeddingDimensions);
    expect(embedByHash('The quick brown fox')).toEqual(vector);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
  });

  it('puts texts that share words closer than unrelated texts, case aside', () => {
    const query = embedByHash('refund for a broken phone');
    const related = embedByHash('How do I get a REFUND for my broken phone?');
    const unrelated = embedByHash('opening hours of the Berlin office');
    expect(cosine(query, related)).toBeGreaterThan(0.5);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.3);
  });

  it('segments Chinese into words', () => {
    const query = embedByHash('阿里云百炼平台');
    expect(cosine(query, embedByHash('百炼平台降低了大模型的门槛'))).toBeGreaterThan(
      cosine(query, embedByHash('今天天气很好')),
    );
  });

  it('gives text without words a fixed unit vector', () => {
    expect(embedByHash('  ...  ')).toEqual(embedByHash(''));
    expect(embedByHash('')[0]).toBe(1);
  });

  it('counts words as usage', () => {
    expect(countWords(['two words', 'and three more'])).toBe(5);
  });
});
