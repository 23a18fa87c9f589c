import type { DocumentNode, WorkflowDocument } from '@edgeflow/graph';
import type { Edge, Node } from '@xyflow/react';
import type { PlacedDiagnostic } from '../document/diagnostics-map.ts';
import { hasInputPort, nodeShape } from '../document/node-ports.ts';
import type { NodeRunStatus } from '../run/run-trace.ts';
import { nodeGeometry } from './node-geometry.ts';

export type FlowNodeData = {
  readonly node: DocumentNode;
  readonly ports: readonly string[];
  readonly hasInput: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** The first problem's message, shown on the node. */
  readonly problem: string | null;
  readonly run: NodeRunStatus | null;
};
export type FlowNode = Node<FlowNodeData, 'edgeflow'>;
export type Measured = { readonly width: number; readonly height: number };

interface CacheEntry {
  readonly source: DocumentNode;
  readonly selected: boolean;
  readonly problemKey: string;
  readonly run: NodeRunStatus | null;
  readonly flowNode: FlowNode;
}

/**
 * Maps documents to React Flow nodes, reusing the node object of every node whose inputs did not change,
 * so a keystroke or a drag re-renders one node of a 500-node canvas, not all of them. A node whose
 * selection alone changed gets a new node object but keeps its `data` object, so its (memoized) body
 * does not render again. When no node changed at all, the previous array itself comes back, so React
 * Flow has nothing to adopt.
 *
 * `measured` holds the sizes React Flow reported; it is read when a node object is rebuilt (so React Flow
 * keeps its measurement and handle positions instead of measuring the node again, e.g. on every drag
 * frame) but is not an input of the cache: a size report alone rebuilds nothing.
 */
export function createFlowNodeMapper() {
  let cache = new Map<string, CacheEntry>();
  let previous: FlowNode[] = [];
  return function toFlowNodes(
    document: WorkflowDocument,
    selected: ReadonlySet<string>,
    problems: ReadonlyMap<string, readonly PlacedDiagnostic[]>,
    runStatus: (nodeId: string) => NodeRunStatus | null,
    measured: ReadonlyMap<string, Measured> = new Map(),
  ): FlowNode[] {
    const next = new Map<string, CacheEntry>();
    let changed = document.nodes.length !== previous.length;
    const nodes = document.nodes.map((node, index) => {
      const nodeProblems = problems.get(node.id) ?? noProblems;
      const errors = nodeProblems.filter((entry) => entry.severity === 'error').length;
      const problem = nodeProblems[0]?.message ?? null;
      const problemKey = `${errors}/${nodeProblems.length}/${problem ?? ''}`;
      const isSelected = selected.has(node.id);
      const run = runStatus(node.id);
      const cached = cache.get(node.id);
      const reusable =
        cached && cached.source === node && cached.problemKey === problemKey && cached.run === run;
      let flowNode: FlowNode;
      if (reusable && cached.selected === isSelected) {
        flowNode = cached.flowNode;
      } else if (reusable) {
        flowNode = { ...cached.flowNode, selected: isSelected, ...size(cached.flowNode.data, measured) };
      } else {
        const data: FlowNodeData = {
          node,
          ports: nodeShape(node).ports,
          hasInput: hasInputPort(node),
          errors,
          warnings: nodeProblems.length - errors,
          problem,
          run,
        };
        flowNode = {
          id: node.id,
          type: 'edgeflow',
          position: node.position,
          selected: isSelected,
          data,
          ...size(data, measured),
        };
      }
      if (flowNode !== previous[index]) changed = true;
      next.set(node.id, { source: node, selected: isSelected, problemKey, run, flowNode });
      return flowNode;
    });
    cache = next;
    if (changed) previous = nodes;
    return previous;
  };
}

const noProblems: readonly PlacedDiagnostic[] = [];

/**
 * The node's size and handles as node-geometry.ts knows them, so React Flow draws it and its edges
 * without measuring first; once React Flow reported another size for it, that size and React Flow's
 * own handle measurements (no `handles`, so it keeps what it measured).
 */
function size(
  data: FlowNodeData,
  measured: ReadonlyMap<string, Measured>,
): Pick<FlowNode, 'measured' | 'handles'> {
  const known = nodeGeometry(data.ports, data.hasInput, data.problem !== null);
  const reported = measured.get(data.node.id);
  if (reported && (reported.width !== known.width || reported.height !== known.height))
    return { measured: { width: reported.width, height: reported.height } };
  return { measured: { width: known.width, height: known.height }, handles: known.handles };
}

/** Maps document edges to React Flow edges, reusing unchanged ones (and the array when none changed). */
export function createFlowEdgeMapper() {
  let cache = new Map<
    string,
    { source: WorkflowDocument['edges'][number]; selected: boolean; flowEdge: Edge }
  >();
  let previous: Edge[] = [];
  return function toFlowEdges(document: WorkflowDocument, selected: ReadonlySet<string>): Edge[] {
    let changed = document.edges.length !== previous.length;
    const next = new Map<
      string,
      { source: WorkflowDocument['edges'][number]; selected: boolean; flowEdge: Edge }
    >();
    const edges = document.edges.map((edge, index) => {
      const isSelected = selected.has(edge.id);
      const cached = cache.get(edge.id);
      if (cached && cached.source === edge && cached.selected === isSelected) {
        next.set(edge.id, cached);
        if (cached.flowEdge !== previous[index]) changed = true;
        return cached.flowEdge;
      }
      changed = true;
      const flowEdge: Edge = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: edge.sourceHandle ?? 'out',
        targetHandle: 'in',
        selected: isSelected,
      };
      next.set(edge.id, { source: edge, selected: isSelected, flowEdge });
      return flowEdge;
    });
    cache = next;
    if (changed) previous = edges;
    return previous;
  };
}
