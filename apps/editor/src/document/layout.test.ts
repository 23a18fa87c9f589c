import { describe, expect, it } from 'vitest';
import { layoutDocument, nodeSize } from './layout.ts';
import { chainDocument } from './test-document.ts';

describe('auto-layout', () => {
  it('lays a chain out left to right without overlaps', async () => {
    const document = chainDocument();
    const shuffled = {
      ...document,
      nodes: document.nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 7 } })),
    };
    const positions = await layoutDocument(shuffled);
    const xs = ['start', 'template', 'llm', 'answer'].map((id) => positions.get(id)?.x ?? Number.NaN);
    for (let index = 1; index < xs.length; index += 1) {
      expect((xs[index] ?? 0) - (xs[index - 1] ?? 0)).toBeGreaterThanOrEqual(nodeSize.width);
    }
  });
});
