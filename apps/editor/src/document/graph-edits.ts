import {
  type DocumentEdge,
  type DocumentNode,
  identifierPattern,
  kindDefinition,
  type NodeKind,
  reservedRoots,
  type WorkflowDocument,
} from '@edgeflow/graph';

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** A node id not yet taken: the kind's name, then `kind_2`, `kind_3`, … */
export function uniqueNodeId(
  document: WorkflowDocument,
  base: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set([...document.nodes.map((node) => node.id), ...taken]);
  const clean = identifierPattern.test(base) ? base : 'node';
  const free = (id: string) => !used.has(id) && !(reservedRoots as readonly string[]).includes(id);
  if (free(clean)) return clean;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${clean.slice(0, 58)}_${suffix}`;
    if (free(candidate)) return candidate;
  }
}

/** An edge id not yet taken. */
export function uniqueEdgeId(document: WorkflowDocument, source: string, target: string): string {
  const used = new Set(document.edges.map((edge) => edge.id));
  const base = `e_${source}_${target}`.slice(0, 120);
  if (!used.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!used.has(`${base}_${suffix}`)) return `${base}_${suffix}`;
}

/** Adds a node of `kind` with its default config at `position`. */
export function addNode(
  document: WorkflowDocument,
  kind: NodeKind,
  position: Position,
): { document: WorkflowDocument; nodeId: string } {
  const nodeId = uniqueNodeId(document, kind);
  const config = structuredClone(kindDefinition(kind).defaultConfig) as Record<string, unknown>;
  const node: DocumentNode = { id: nodeId, type: kind, position: { x: position.x, y: position.y }, config };
  return { document: { ...document, nodes: [...document.nodes, node] }, nodeId };
}

/** Removes nodes (with their edges) and edges. */
export function removeElements(
  document: WorkflowDocument,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string> = new Set(),
): WorkflowDocument {
  if (nodeIds.size === 0 && edgeIds.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: document.edges.filter(
      (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
    ),
  };
}

/** Moves nodes; nodes not named keep their object identity (the canvas re-renders only what moved). */
export function moveNodes(
  document: WorkflowDocument,
  positions: ReadonlyMap<string, Position>,
): WorkflowDocument {
  if (positions.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position: { x: position.x, y: position.y } } : node;
    }),
  };
}

/** Adds an edge from `source`'s `sourceHandle` port to `target` (check it first with `checkConnection`). */
export function connectNodes(
  document: WorkflowDocument,
  connection: { source: string; target: string; sourceHandle?: string | null },
): WorkflowDocument {
  const port = connection.sourceHandle ?? 'out';
  const edge: DocumentEdge = {
    id: uniqueEdgeId(document, connection.source, connection.target),
    source: connection.source,
    target: connection.target,
    ...(port === 'out' ? {} : { sourceHandle: port }),
  };
  return { ...document, edges: [...document.edges, edge] };
}

/** Replaces one node's config. */
export function updateNodeConfig(
  document: WorkflowDocument,
  nodeId: string,
  config: Record<string, unknown>,
): WorkflowDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) => (node.id === nodeId ? { ...node, config } : node)),
  };
}

/** Sets or clears a node's display title. */
export function updateNodeTitle(document: WorkflowDocument, nodeId: string, title: string): WorkflowDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      if (node.id !== nodeId) return node;
      const { title: _old, ...rest } = node;
      return title.trim() === '' ? rest : { ...rest, title };
    }),
  };
}
