import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuseRankings } from './rank-fusion.ts';
import { matchExpression, segmentWords } from './segment-words.ts';

const hits = (...ids: string[]) => ids.map((chunkId, index) => ({ chunkId, score: 1 - index / 10 }));

describe('fuseRankings', () => {
  it('puts what both lists hold first, scores in (0, 1], 1 for first in every list', () => {
    const fused = fuseRankings([hits('a', 'b', 'c'), hits('a', 'c', 'd')]);
    expect(fused.map((hit) => hit.chunkId)).toEqual(['a', 'c', 'b', 'd']);
    expect(fused[0]?.score).toBe(1);
    for (const hit of fused) expect(hit.score).toBeGreaterThan(0);
  });

  it('keeps the order of a single list and ignores empty ones', () => {
    expect(fuseRankings([hits('x', 'y'), []]).map((hit) => hit.chunkId)).toEqual(['x', 'y']);
    expect(fuseRankings([])).toEqual([]);
  });

  it('scores never exceed 1 and every input chunk appears once', () => {
    const list = fc
      .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 })
      .map((ids) => hits(...ids));
    fc.assert(
      fc.property(fc.array(list, { maxLength: 3 }), (lists) => {
        const fused = fuseRankings(lists);
        expect(new Set(fused.map((hit) => hit.chunkId))).toEqual(
          new Set(lists.flat().map((hit) => hit.chunkId)),
        );
        for (const hit of fused) expect(hit.score).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('segmentWords and matchExpression', () => {
  it('splits Chinese into words and English at spaces, lower-cased', () => {
    expect(segmentWords('退款政策 Refund POLICY！')).toEqual(['退款', '政策', 'refund', 'policy']);
  });

  it('quotes every word so no query is FTS5 syntax', () => {
    expect(matchExpression('a "NEAR" OR b*')).toBe('"a" OR "near" OR "or" OR "b"');
    expect(matchExpression('？！ ...')).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (query) => {
        const expression = matchExpression(query);
        if (expression !== null) expect(expression).toMatch(/^"([^"]|"")+"( OR "([^"]|"")+")*$/);
      }),
    );
  });
});
