import type { CompileResult, Diagnostic, DocumentEdge, WorkflowDocumentInput } from '../src/index.ts';

/** A node as a test writes it: only the fields it cares about. */
export interface NodeInput {
  readonly id: string;
  readonly type: string;
  readonly config?: Record<string, unknown>;
  readonly title?: string;
}

/** An edge as a test writes it; `id` defaults to `source->target`. */
export interface EdgeInput {
  readonly id?: string;
  readonly source: string;
  readonly target: string;
  readonly sourceHandle?: string | null;
}

export const queryInput = { name: 'query', type: 'string', required: true } as const;

/** The start of a chat app: one required `query` text input. */
export function chatStart(id = 'start'): NodeInput {
  return { id, type: 'start', config: { inputs: [queryInput] } };
}

export function answer(text = '{{start.query}}', id = 'answer'): NodeInput {
  return { id, type: 'answer', config: { text } };
}

export function end(outputs: readonly Record<string, unknown>[], id = 'end'): NodeInput {
  return { id, type: 'end', config: { outputs } };
}

/** A workflow document from nodes (laid out left to right) and edges. */
export function workflow(
  nodes: readonly NodeInput[],
  edges: readonly EdgeInput[],
  mode: 'chat' | 'workflow' = 'chat',
): WorkflowDocumentInput {
  return {
    schema: 'edgeflow/workflow@1',
    name: 'Test workflow',
    mode,
    nodes: nodes.map((node, index) => ({
      id: node.id,
      type: node.type,
      position: { x: index * 240, y: 0 },
      config: node.config ?? {},
      ...(node.title === undefined ? {} : { title: node.title }),
    })),
    edges: edges.map(
      (edge): DocumentEdge => ({
        id: edge.id ?? `${edge.source}->${edge.target}`,
        source: edge.source,
        target: edge.target,
        ...(edge.sourceHandle === undefined ? {} : { sourceHandle: edge.sourceHandle }),
      }),
    ),
  };
}

/** Edges joining the given node ids one after another. */
export function chainEdges(...ids: readonly string[]): EdgeInput[] {
  return ids.slice(1).map((target, index) => ({ source: ids[index] ?? '', target }));
}

/** A chat app whose nodes run one after another, start first. */
export function chatChain(...nodes: readonly NodeInput[]): WorkflowDocumentInput {
  return workflow(nodes, chainEdges(...nodes.map((node) => node.id)));
}

/** Where a diagnostic points: what tests compare. */
export interface DiagnosticSite {
  readonly code: Diagnostic['code'];
  readonly nodeId?: string;
  readonly path?: string;
}

export function siteOf(diagnostic: Diagnostic): DiagnosticSite {
  return {
    code: diagnostic.code,
    ...(diagnostic.nodeId === undefined ? {} : { nodeId: diagnostic.nodeId }),
    ...(diagnostic.path === undefined ? {} : { path: diagnostic.path }),
  };
}

/** The errors of a result (warnings left out), as sites in the order compile() reported them. */
export function errorSites(result: CompileResult): DiagnosticSite[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(siteOf);
}

/** Sites sorted, for comparing sets of diagnostics whose order does not matter. */
export function sortSites(sites: readonly DiagnosticSite[]): DiagnosticSite[] {
  const key = (site: DiagnosticSite) => `${site.code}\u0000${site.path ?? ''}\u0000${site.nodeId ?? ''}`;
  return [...sites].sort((left, right) => key(left).localeCompare(key(right)));
}

/** The plan of a result that must have compiled; fails with the diagnostics otherwise. */
export function planOf(result: CompileResult) {
  if (!result.ok)
    throw new Error(`expected the document to compile:\n${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.plan;
}
