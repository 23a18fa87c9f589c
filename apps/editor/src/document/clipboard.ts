import type { DocumentEdge, DocumentNode, WorkflowDocument } from '@edgeflow/graph';
import { uniqueEdgeId, uniqueNodeId } from './graph-edits.ts';

/** Nodes copied together with the edges between them. */
export interface Clipboard {
  readonly nodes: readonly DocumentNode[];
  readonly edges: readonly DocumentEdge[];
}

/** Copies the named nodes and the edges that join two of them. */
export function copyNodes(document: WorkflowDocument, nodeIds: ReadonlySet<string>): Clipboard {
  return {
    nodes: structuredClone(document.nodes.filter((node) => nodeIds.has(node.id))),
    edges: structuredClone(
      document.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target)),
    ),
  };
}

/** Rewrites `{{old.…}}` references to `{{new.…}}` in every string of a config. */
function renameReferences(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    return value.replace(/\{\{(\s*)([A-Za-z_][A-Za-z0-9_]*)/g, (match, space: string, root: string) => {
      const renamed = renames.get(root);
      return renamed ? `{{${space}${renamed}` : match;
    });
  }
  if (Array.isArray(value)) return value.map((entry) => renameReferences(entry, renames));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, renameReferences(entry, renames)]),
    );
  }
  return value;
}

/**
 * Pastes copied nodes under fresh ids, shifted by `offset`; references between pasted nodes follow
 * the new ids, references to other nodes stay as they were.
 */
export function pasteNodes(
  document: WorkflowDocument,
  clipboard: Clipboard,
  offset: { x: number; y: number },
): { document: WorkflowDocument; nodeIds: string[] } {
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of clipboard.nodes) {
    const id = uniqueNodeId(document, node.id, taken);
    taken.add(id);
    renames.set(node.id, id);
  }
  const nodes = clipboard.nodes.map((node) => ({
    ...node,
    id: renames.get(node.id) ?? node.id,
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    config: renameReferences(node.config, renames) as Record<string, unknown>,
  }));
  let next: WorkflowDocument = { ...document, nodes: [...document.nodes, ...nodes] };
  for (const edge of clipboard.edges) {
    const source = renames.get(edge.source) ?? edge.source;
    const target = renames.get(edge.target) ?? edge.target;
    next = {
      ...next,
      edges: [...next.edges, { ...edge, id: uniqueEdgeId(next, source, target), source, target }],
    };
  }
  return { document: next, nodeIds: nodes.map((node) => node.id) };
}
