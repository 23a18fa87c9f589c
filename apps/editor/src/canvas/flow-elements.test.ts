import { describe, expect, it } from 'vitest';
import { moveNodes } from '../document/graph-edits.ts';
import { chainDocument } from '../document/test-document.ts';
import { createFlowEdgeMapper, createFlowNodeMapper } from './flow-elements.ts';

describe('flow elements', () => {
  it('reuses unchanged nodes and rebuilds the one that moved', () => {
    const toFlowNodes = createFlowNodeMapper();
    const document = chainDocument();
    const first = toFlowNodes(document, new Set(), new Map(), () => null);
    const second = toFlowNodes(
      moveNodes(document, new Map([['llm', { x: 9, y: 9 }]])),
      new Set(),
      new Map(),
      () => null,
    );
    expect(second[0]).toBe(first[0]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2]?.position).toEqual({ x: 9, y: 9 });
  });

  it('carries ports, selection, problems and run status', () => {
    const toFlowNodes = createFlowNodeMapper();
    const problems = new Map([
      [
        'llm',
        [
          {
            severity: 'error' as const,
            code: 'x',
            message: 'bad prompt',
            nodeId: 'llm',
            field: '/prompt',
            edgeId: null,
          },
        ],
      ],
    ]);
    const nodes = toFlowNodes(chainDocument(), new Set(['llm']), problems, (id) =>
      id === 'start' ? 'succeeded' : null,
    );
    expect(nodes[0]?.data).toMatchObject({ hasInput: false, ports: ['out'], run: 'succeeded' });
    expect(nodes[2]).toMatchObject({ selected: true, data: { errors: 1, problem: 'bad prompt' } });
  });

  it('maps edges to the port handles', () => {
    const edges = createFlowEdgeMapper()(chainDocument(), new Set(['e2']));
    expect(edges[1]).toMatchObject({ id: 'e2', sourceHandle: 'out', targetHandle: 'in', selected: true });
  });
});
