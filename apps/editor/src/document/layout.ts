import type { WorkflowDocument } from '@edgeflow/graph';
import type { Position } from './graph-edits.ts';

/** The size the canvas draws a node at; layout spaces nodes by it. */
export const nodeSize = { width: 220, height: 56 };

/**
 * Left-to-right layered layout with dagre (loaded on first use to keep it out of the initial bundle).
 * Returns the new top-left position of every node.
 */
export async function layoutDocument(document: WorkflowDocument): Promise<Map<string, Position>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of document.nodes) graph.setNode(node.id, { ...nodeSize });
  const ids = new Set(document.nodes.map((node) => node.id));
  for (const edge of document.edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const positions = new Map<string, Position>();
  for (const node of document.nodes) {
    const placed = graph.node(node.id);
    positions.set(node.id, {
      x: Math.round(placed.x - nodeSize.width / 2),
      y: Math.round(placed.y - nodeSize.height / 2),
    });
  }
  return positions;
}
