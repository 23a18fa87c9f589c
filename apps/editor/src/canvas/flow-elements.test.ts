import { describe, expect, it } from 'vitest';
import { moveNodes } from '../document/graph-edits.ts';
import { chainDocument } from '../document/test-document.ts';
import { createFlowEdgeMapper, createFlowNodeMapper } from './flow-elements.ts';
import { nodeGeometry, nodeRows } from './node-geometry.ts';

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

  it('answers the same array when nothing changed, so React Flow has nothing to adopt', () => {
    const toFlowNodes = createFlowNodeMapper();
    const toFlowEdges = createFlowEdgeMapper();
    const document = chainDocument();
    const nodes = toFlowNodes(document, new Set(), new Map(), () => null);
    const edges = toFlowEdges(document, new Set());
    // New but equal inputs (e.g. a save answered the same empty diagnostics again).
    expect(toFlowNodes(document, new Set(), new Map(), () => null)).toBe(nodes);
    expect(toFlowEdges(document, new Set())).toBe(edges);
    expect(toFlowEdges(document, new Set(['e2']))).not.toBe(edges);
  });

  it('keeps a node’s data when only its selection or measured size changed', () => {
    const toFlowNodes = createFlowNodeMapper();
    const document = chainDocument();
    const measured = new Map<string, { width: number; height: number }>();
    const first = toFlowNodes(document, new Set(), new Map(), () => null, measured);
    // A size report alone rebuilds nothing (it would re-render all 500 nodes of a large document).
    measured.set('llm', { width: 230, height: 70 });
    expect(toFlowNodes(document, new Set(), new Map(), () => null, measured)).toBe(first);
    const selected = toFlowNodes(document, new Set(['llm']), new Map(), () => null, measured);
    expect(selected[2]).not.toBe(first[2]);
    expect(selected[2]?.selected).toBe(true);
    expect(selected[2]?.data).toBe(first[2]?.data);
    // A rebuilt node object keeps React Flow's measurement, so the node is not measured again.
    expect(selected[2]?.measured).toEqual({ width: 230, height: 70 });
    const moved = toFlowNodes(
      moveNodes(document, new Map([['llm', { x: 5, y: 5 }]])),
      new Set(['llm']),
      new Map(),
      () => null,
      measured,
    );
    expect(moved[2]?.measured).toEqual({ width: 230, height: 70 });
    // …and React Flow's own handle measurements: the computed handles would not fit that size.
    expect(moved[2]?.handles).toBeUndefined();
    expect(moved[1]).toBe(selected[1]);
  });

  it('hands React Flow each node’s size and handles before it is drawn', () => {
    const toFlowNodes = createFlowNodeMapper();
    const problems = new Map([
      [
        'llm',
        [{ severity: 'warning' as const, code: 'x', message: 'hm', nodeId: 'llm', field: '', edgeId: null }],
      ],
    ]);
    const [start, , llm] = toFlowNodes(chainDocument(), new Set(), problems, () => null);
    expect(start?.measured).toEqual({
      width: nodeRows.width,
      height: nodeGeometry(['out'], false, false).height,
    });
    expect(start?.handles?.map((handle) => `${handle.type}:${handle.id}`)).toEqual(['source:out']);
    // A problem adds its row to the node's height, and the handles stay in the middle.
    expect(llm?.measured?.height).toBe((start?.measured?.height ?? 0) + nodeRows.problem);
    const input = llm?.handles?.find((handle) => handle.type === 'target');
    expect(input).toMatchObject({ id: 'in', x: -nodeRows.handle / 2 });
    expect((input?.y ?? 0) + nodeRows.handle / 2).toBe((llm?.measured?.height ?? 0) / 2);
  });

  it('places a handle on each listed port’s row', () => {
    const { height, handles } = nodeGeometry(['yes', 'no', 'error'], true, false);
    const sources = handles.filter((handle) => handle.type === 'source');
    expect(sources.map((handle) => handle.id)).toEqual(['yes', 'no', 'error']);
    expect((sources[1]?.y ?? 0) - (sources[0]?.y ?? 0)).toBe(nodeRows.port);
    expect(height).toBe(nodeGeometry(['out'], true, false).height + nodeRows.portsGap + 3 * nodeRows.port);
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
