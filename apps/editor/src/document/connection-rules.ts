import { defaultPort, type WorkflowDocument } from '@edgeflow/graph';
import { hasInputPort, nodeShape } from './node-ports.ts';

export interface ConnectionAttempt {
  readonly source: string;
  readonly target: string;
  readonly sourceHandle?: string | null | undefined;
  readonly targetHandle?: string | null | undefined;
}

/** Why a connection is refused; each reason has a message in the i18n catalogue (`connection.<reason>`). */
export type ConnectionRefusal =
  | 'unknown_node'
  | 'self_loop'
  | 'no_input'
  | 'unknown_port'
  | 'duplicate'
  | 'cycle';

export type ConnectionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: ConnectionRefusal; readonly params: Record<string, string> };

/** The handle id of every node's single input port. */
export const inputHandle = 'in';

/** Whether `target` can already reach `source` along edges (so source → target would close a cycle). */
export function reaches(document: WorkflowDocument, from: string, to: string): boolean {
  const outgoing = new Map<string, string[]>();
  for (const edge of document.edges) {
    const list = outgoing.get(edge.source);
    if (list) list.push(edge.target);
    else outgoing.set(edge.source, [edge.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    for (const next of outgoing.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/**
 * Whether an edge from `source`'s output port to `target`'s input may be added, and if not, why:
 * the same rules compile() enforces, checked before the edge exists.
 * @example checkConnection(document, { source: 'llm', target: 'start' }) // { ok: false, reason: 'no_input' }
 */
export function checkConnection(document: WorkflowDocument, attempt: ConnectionAttempt): ConnectionCheck {
  const source = document.nodes.find((node) => node.id === attempt.source);
  const target = document.nodes.find((node) => node.id === attempt.target);
  const port = attempt.sourceHandle ?? defaultPort;
  const params = { source: attempt.source, target: attempt.target, port };
  if (!source || !target) return { ok: false, reason: 'unknown_node', params };
  if (source.id === target.id) return { ok: false, reason: 'self_loop', params };
  if (!hasInputPort(target) || (attempt.targetHandle != null && attempt.targetHandle !== inputHandle)) {
    return { ok: false, reason: 'no_input', params };
  }
  const ports = nodeShape(source).ports;
  if (!ports.includes(port))
    return { ok: false, reason: 'unknown_port', params: { ...params, ports: ports.join(', ') } };
  const duplicate = document.edges.some(
    (edge) =>
      edge.source === source.id && edge.target === target.id && (edge.sourceHandle ?? defaultPort) === port,
  );
  if (duplicate) return { ok: false, reason: 'duplicate', params };
  if (reaches(document, target.id, source.id)) return { ok: false, reason: 'cycle', params };
  return { ok: true };
}
