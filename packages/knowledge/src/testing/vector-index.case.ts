import { describe, expect, it } from 'vitest';
import type { VectorEntry, VectorIndex } from '../search/vector-index.ts';

const unit = (dimensions: number, axis: number, tilt = 0) =>
  Array.from({ length: dimensions }, (_, index) =>
    index === axis ? 1 : index === (axis + 1) % dimensions ? tilt : 0,
  );

const entry = (
  chunkId: string,
  knowledgeBaseId: string,
  documentId: string,
  vector: number[],
): VectorEntry => ({
  chunkId,
  knowledgeBaseId,
  documentId,
  vector,
});

/**
 * The behaviour every VectorIndex shares (STYLE 5): run by the D1 store inside workerd and by the
 * Vectorize store over its in-memory binding. `create` gives an empty index; ids are unique per call.
 */
export function vectorIndexCases(name: string, create: () => Promise<VectorIndex> | VectorIndex) {
  describe(`${name} (VectorIndex cases)`, () => {
    const prefix = () => Math.random().toString(36).slice(2, 10);

    it('finds the nearest vectors first, scored by cosine in [0, 1]', async () => {
      const index = await create();
      const kb = `kb_${prefix()}`;
      await index.upsert([
        entry(`${kb}-a`, kb, 'doc_1', unit(8, 0)),
        entry(`${kb}-b`, kb, 'doc_1', unit(8, 0, 1)),
        entry(`${kb}-c`, kb, 'doc_1', unit(8, 3)),
        entry(
          `${kb}-d`,
          kb,
          'doc_1',
          unit(8, 4).map((value) => -value),
        ),
      ]);
      const hits = await index.search(unit(8, 0), { knowledgeBaseIds: [kb], topK: 3 });
      expect(hits.map((hit) => hit.chunkId)).toEqual([`${kb}-a`, `${kb}-b`, expect.any(String)]);
      expect(hits[0]?.score).toBeCloseTo(1, 5);
      expect(hits[1]?.score).toBeCloseTo(Math.SQRT1_2, 5);
      for (const hit of hits) expect(hit.score).toBeGreaterThanOrEqual(0);
    });

    it('searches only the named knowledge bases and documents', async () => {
      const index = await create();
      const [mine, other] = [`kb_${prefix()}`, `kb_${prefix()}`];
      await index.upsert([
        entry(`${mine}-1`, mine, 'doc_a', unit(4, 0)),
        entry(`${mine}-2`, mine, 'doc_b', unit(4, 0, 0.5)),
        entry(`${other}-1`, other, 'doc_c', unit(4, 0)),
      ]);
      const inMine = await index.search(unit(4, 0), { knowledgeBaseIds: [mine], topK: 10 });
      expect(inMine.map((hit) => hit.chunkId).sort()).toEqual([`${mine}-1`, `${mine}-2`]);
      const inDocument = await index.search(unit(4, 0), {
        knowledgeBaseIds: [mine],
        documentIds: ['doc_b'],
        topK: 10,
      });
      expect(inDocument.map((hit) => hit.chunkId)).toEqual([`${mine}-2`]);
      expect(await index.search(unit(4, 0), { knowledgeBaseIds: [], topK: 10 })).toEqual([]);
    });

    it('replaces a vector on upsert and forgets removed ones', async () => {
      const index = await create();
      const kb = `kb_${prefix()}`;
      await index.upsert([
        entry(`${kb}-x`, kb, 'doc_1', unit(4, 0)),
        entry(`${kb}-y`, kb, 'doc_1', unit(4, 1)),
      ]);
      await index.upsert([entry(`${kb}-x`, kb, 'doc_1', unit(4, 2))]);
      const [best] = await index.search(unit(4, 2), { knowledgeBaseIds: [kb], topK: 1 });
      expect(best?.chunkId).toBe(`${kb}-x`);
      await index.remove([`${kb}-x`, `${kb}-never-stored`]);
      const left = await index.search(unit(4, 2), { knowledgeBaseIds: [kb], topK: 10 });
      expect(left.map((hit) => hit.chunkId)).toEqual([`${kb}-y`]);
    });

    it('honours topK and handles more vectors than one write batch', async () => {
      const index = await create();
      const kb = `kb_${prefix()}`;
      const many = Array.from({ length: 1_200 }, (_, at) =>
        entry(`${kb}-${at}`, kb, 'doc_1', [1, at / 1_200, 0, 0.5]),
      );
      await index.upsert(many);
      const hits = await index.search([1, 0, 0, 0.5], { knowledgeBaseIds: [kb], topK: 5 });
      expect(hits).toHaveLength(5);
      expect(hits[0]?.chunkId).toBe(`${kb}-0`);
      await index.remove(many.map((item) => item.chunkId));
      expect(await index.search([1, 0, 0, 0.5], { knowledgeBaseIds: [kb], topK: 5 })).toEqual([]);
    });
  });
}
