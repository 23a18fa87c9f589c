import type { DocumentNode, WorkflowDocument } from '@edgeflow/graph';
import type { Edge, Node } from '@xyflow/react';
import type { PlacedDiagnostic } from '../document/diagnostics-map.ts';
import { nodeSize } from '../document/layout.ts';
import { hasInputPort, nodeShape } from '../document/node-ports.ts';
import type { NodeRunStatus } from '../run/run-trace.ts';

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
  readonly measured: Measured | undefined;
  readonly flowNode: FlowNode;
}

/**
 * Maps documents to React Flow nodes, reusing the node object of every node whose inputs did not change,
 * so a keystroke or a drag re-renders one node of a 500-node canvas, not all of them.
 */
export function createFlowNodeMapper() {
  let cache = new Map<string, CacheEntry>();
  return function toFlowNodes(
    document: WorkflowDocument,
    selected: ReadonlySet<string>,
    problems: ReadonlyMap<string, readonly PlacedDiagnostic[]>,
    runStatus: (nodeId: string) => NodeRunStatus | null,
    measured: ReadonlyMap<string, Measured> = new Map(),
  ): FlowNode[] {
    const next = new Map<string, CacheEntry>();
    const nodes = document.nodes.map((node) => {
      const nodeProblems = problems.get(node.id) ?? [];
      const errors = nodeProblems.filter((entry) => entry.severity === 'error').length;
      const problem = nodeProblems[0]?.message ?? null;
      const problemKey = `${errors}/${nodeProblems.length}/${problem ?? ''}`;
      const isSelected = selected.has(node.id);
      const run = runStatus(node.id);
      const size = measured.get(node.id);
      const cached = cache.get(node.id);
      if (
        cached &&
        cached.source === node &&
        cached.selected === isSelected &&
        cached.problemKey === problemKey &&
        cached.run === run &&
        cached.measured === size
      ) {
        next.set(node.id, cached);
        return cached.flowNode;
      }
      const flowNode: FlowNode = {
        id: node.id,
        type: 'edgeflow',
        position: node.position,
        selected: isSelected,
        // Kept so React Flow does not measure a node again each time it is rebuilt (e.g. on every drag frame).
        ...(size ? { measured: { width: size.width, height: size.height } } : {}),
        // Until measured, React Flow hides a node; a size estimate lets a large document show at once.
        initialWidth: nodeSize.width,
        initialHeight: nodeSize.height,
        data: {
          node,
          ports: nodeShape(node).ports,
          hasInput: hasInputPort(node),
          errors,
          warnings: nodeProblems.length - errors,
          problem,
          run,
        },
      };
      next.set(node.id, { source: node, selected: isSelected, problemKey, run, measured: size, flowNode });
      return flowNode;
    });
    cache = next;
    return nodes;
  };
}

/** Maps document edges to React Flow edges (animated while their target runs). */
export function createFlowEdgeMapper() {
  let cache = new Map<
    string,
    { source: WorkflowDocument['edges'][number]; selected: boolean; flowEdge: Edge }
  >();
  return function toFlowEdges(document: WorkflowDocument, selected: ReadonlySet<string>): Edge[] {
    const next = new Map<
      string,
      { source: WorkflowDocument['edges'][number]; selected: boolean; flowEdge: Edge }
    >();
    const edges = document.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const cached = cache.get(edge.id);
      if (cached && cached.source === edge && cached.selected === isSelected) {
        next.set(edge.id, cached);
        return cached.flowEdge;
      }
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
    return edges;
  };
}
