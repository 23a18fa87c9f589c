import { systemFields, type ValueType, type WorkflowDocument } from '@edgeflow/graph';
import { nodeShape } from './node-ports.ts';

export interface ReferenceOption {
  /** What goes into the template, e.g. `{{start.query}}`. */
  readonly reference: string;
  readonly nodeId: string;
  readonly field: string;
  readonly type: ValueType;
}

/** Ids of the nodes upstream of `nodeId` (every node that reaches it along edges), nearest first. */
export function upstreamNodeIds(document: WorkflowDocument, nodeId: string): string[] {
  const incoming = new Map<string, string[]>();
  for (const edge of document.edges) {
    const list = incoming.get(edge.target);
    if (list) list.push(edge.source);
    else incoming.set(edge.target, [edge.source]);
  }
  const seen = new Set<string>([nodeId]);
  const order: string[] = [];
  const queue = [nodeId];
  for (let head = 0; head < queue.length; head += 1) {
    for (const source of incoming.get(queue[head] as string) ?? []) {
      if (seen.has(source)) continue;
      seen.add(source);
      order.push(source);
      queue.push(source);
    }
  }
  return order;
}

/**
 * What a template of `nodeId` may reference: the typed outputs of its upstream nodes, then `sys`.
 * Downstream and unconnected nodes are left out, since compile() would refuse them.
 */
export function referenceOptions(document: WorkflowDocument, nodeId: string): ReferenceOption[] {
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const options: ReferenceOption[] = [];
  for (const id of upstreamNodeIds(document, nodeId)) {
    const node = byId.get(id);
    if (!node) continue;
    for (const [field, type] of Object.entries(nodeShape(node).outputs)) {
      options.push({ reference: `{{${id}.${field}}}`, nodeId: id, field, type });
    }
  }
  for (const field of systemFields) {
    options.push({ reference: `{{sys.${field}}}`, nodeId: 'sys', field, type: 'string' });
  }
  return options;
}
