/** Mutations of the edges and nodes of valid workflows, each with the errors compile() must report. */
import type { DiagnosticSite } from '../documents.ts';
import {
  ancestorsOf,
  at,
  expectedStructuralErrors,
  expectedWarnings,
  type GeneratedEdge,
  type GeneratedWorkflow,
  toDocument,
} from './workflow-model.ts';

export interface Mutation {
  readonly name: string;
  readonly document: unknown;
  /** Exactly the errors expected (order free). */
  readonly errors: readonly DiagnosticSite[];
  /** When given, exactly the warnings expected (order free). */
  readonly warnings?: readonly DiagnosticSite[];
}

/** Removes one edge: whatever it carried (reachability, upstream references, else, a port) breaks. */
export function dropEdge(workflow: GeneratedWorkflow, choice: number): Mutation {
  // Else edges are few among many; a quarter of the time, drop one of them when there is one.
  const elseEdges = workflow.edges.filter((edge) => edge.port === 'else');
  const dropped =
    choice % 4 === 0 && elseEdges.length > 0 ? at(elseEdges, choice >> 2) : at(workflow.edges, choice);
  const mutated = { ...workflow, edges: workflow.edges.filter((edge) => edge !== dropped) };
  return {
    name: `drop ${dropped.id}`,
    document: toDocument(mutated),
    errors: expectedStructuralErrors(mutated),
    warnings: expectedWarnings(mutated),
  };
}

/** Adds an edge from a node back to one of its ancestors other than the start. */
export function addBackEdge(workflow: GeneratedWorkflow, choice: number): Mutation | null {
  const ancestors = ancestorsOf(workflow);
  const start = workflow.nodes[0]?.id;
  const candidates = workflow.nodes.flatMap((node) =>
    [...(ancestors.get(node.id) ?? [])].filter((id) => id !== start).map((ancestor) => ({ node, ancestor })),
  );
  if (candidates.length === 0) return null;
  const { node, ancestor } = at(candidates, choice);
  const port = at(node.ports, Math.floor(choice / candidates.length));
  const edge: GeneratedEdge = { id: 'back', source: node.id, target: ancestor, port, sourceHandle: port };
  // Nodes are in a topological order, so the search for cycles starts at the ancestor and finds
  // exactly one: the one the new edge closes.
  return {
    name: `back edge ${node.id} → ${ancestor}`,
    document: toDocument({ ...workflow, edges: [...workflow.edges, edge] }),
    errors: [{ code: 'cycle', nodeId: ancestor, path: `/edges/${workflow.edges.length}` }],
  };
}

/** Renames a referenced node (edges follow, references do not). */
export function renameReferencedNode(workflow: GeneratedWorkflow, choice: number): Mutation {
  const referenced = [
    ...new Set(workflow.nodes.flatMap((node) => node.references.map((reference) => reference.root))),
  ];
  const old = at(referenced, choice);
  const renamed = `${old}_renamed`;
  const rename = (id: string) => (id === old ? renamed : id);
  const mutated: GeneratedWorkflow = {
    ...workflow,
    nodes: workflow.nodes.map((node) => (node.id === old ? { ...node, id: renamed } : node)),
    edges: workflow.edges.map((edge) => ({
      ...edge,
      source: rename(edge.source),
      target: rename(edge.target),
    })),
  };
  const errors = workflow.nodes.flatMap((node, index) =>
    node.references
      .filter((reference) => reference.root === old)
      .map(
        (reference): DiagnosticSite => ({
          code: 'unknown_reference',
          nodeId: node.id,
          path: `/nodes/${index}/config${reference.path}`,
        }),
      ),
  );
  return { name: `rename ${old}`, document: toDocument(mutated), errors };
}

/** Inserts a copy of a node (same id) somewhere; the later of the two is the duplicate. */
export function duplicateNodeId(workflow: GeneratedWorkflow, choice: number): Mutation {
  const copied = at(workflow.nodes, choice);
  const position = Math.floor(choice / workflow.nodes.length) % (workflow.nodes.length + 1);
  const nodes = [...workflow.nodes.slice(0, position), copied, ...workflow.nodes.slice(position)];
  const duplicate = nodes.findLastIndex((node) => node.id === copied.id);
  return {
    name: `duplicate ${copied.id} at ${position}`,
    document: toDocument({ ...workflow, nodes }),
    errors: [{ code: 'duplicate_node_id', nodeId: copied.id, path: `/nodes/${duplicate}/id` }],
  };
}

/** Adds an edge from or to a node that does not exist. */
export function danglingEdge(workflow: GeneratedWorkflow, choice: number): Mutation {
  const node = at(workflow.nodes, choice);
  const outward = choice % 2 === 0;
  const edge: GeneratedEdge = outward
    ? { id: 'dangling', source: node.id, target: 'missing_node', port: 'out' }
    : { id: 'dangling', source: 'missing_node', target: node.id, port: 'out' };
  return {
    name: `dangling ${outward ? 'from' : 'to'} ${node.id}`,
    document: toDocument({ ...workflow, edges: [...workflow.edges, edge] }),
    errors: [
      {
        code: 'dangling_edge',
        nodeId: node.id,
        path: `/edges/${workflow.edges.length}/${outward ? 'target' : 'source'}`,
      },
    ],
  };
}

/** Removes the start node, with or without its edges. */
export function removeStart(workflow: GeneratedWorkflow, keepEdges: boolean): Mutation {
  const start = workflow.nodes[0];
  if (!start) throw new Error('a workflow without nodes');
  const nodes = workflow.nodes.slice(1);
  const edges = keepEdges ? workflow.edges : workflow.edges.filter((edge) => edge.source !== start.id);
  const errors: DiagnosticSite[] = [{ code: 'missing_start', path: '/nodes' }];
  nodes.forEach((node, index) => {
    for (const reference of node.references) {
      if (reference.root === start.id) {
        errors.push({
          code: 'unknown_reference',
          nodeId: node.id,
          path: `/nodes/${index}/config${reference.path}`,
        });
      }
    }
  });
  edges.forEach((edge, index) => {
    if (edge.source === start.id)
      errors.push({ code: 'dangling_edge', nodeId: edge.target, path: `/edges/${index}/source` });
  });
  return {
    name: `remove start${keepEdges ? ', keep its edges' : ''}`,
    document: toDocument({ ...workflow, nodes, edges }),
    errors,
  };
}
