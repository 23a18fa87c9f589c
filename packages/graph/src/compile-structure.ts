import type { CheckedEdge, CompileContext } from './compile-context.ts';
import { pointer } from './diagnostic.ts';
import { defaultPort } from './node-kind-definition.ts';

function push<Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Checks every edge; keeps those that join two existing nodes through an existing port. */
export function checkEdges(context: CompileContext): void {
  const edgeIds = new Set<string>();
  const links = new Set<string>();
  context.document.edges.forEach((edge, index) => {
    const base = pointer('edges', index);
    if (edgeIds.has(edge.id)) {
      context.report('duplicate_edge_id', `Edge id “${edge.id}” is used more than once.`, {
        path: `${base}/id`,
      });
    }
    edgeIds.add(edge.id);
    const source = context.byId.get(edge.source);
    const target = context.byId.get(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      context.report('dangling_edge', `Edge “${edge.id}” connects to “${missing}”, which is not a node.`, {
        nodeId: source ? edge.source : target ? edge.target : undefined,
        path: `${base}/${source ? 'target' : 'source'}`,
      });
      return;
    }
    if (edge.source === edge.target) {
      context.report('self_loop', `Edge “${edge.id}” connects “${edge.source}” to itself.`, {
        nodeId: edge.source,
        path: base,
      });
      return;
    }
    if (target.kind === 'start') {
      context.report('start_has_input', `The start node cannot have incoming edges (edge “${edge.id}”).`, {
        nodeId: target.id,
        path: `${base}/target`,
      });
      return;
    }
    const port = edge.sourceHandle ?? defaultPort;
    if (source.ports && !source.ports.has(port)) {
      context.report(
        'unknown_port',
        `“${source.id}” has no output port “${port}”; its ports are ${[...source.ports].join(', ')}.`,
        { nodeId: source.id, path: edge.sourceHandle == null ? base : `${base}/sourceHandle` },
      );
      return;
    }
    const link = `${edge.source}\u0000${port}\u0000${edge.target}`;
    if (links.has(link)) {
      context.report(
        'duplicate_edge',
        `Edge “${edge.id}” repeats another edge from “${source.id}” to “${target.id}”.`,
        {
          nodeId: source.id,
          path: base,
        },
      );
      return;
    }
    links.add(link);
    const checked: CheckedEdge = { index, edge, port };
    context.edges.push(checked);
    push(context.outgoing, edge.source, checked);
    push(context.incoming, edge.target, checked);
  });
}

/**
 * Orders nodes topologically (Kahn); on a cycle reports one diagnostic per cycle found, naming its
 * nodes and pointing at the edge that closes it. Returns null when there is a cycle.
 */
export function orderNodes(context: CompileContext): string[] | null {
  const remaining = new Map<string, number>();
  for (const node of context.nodes) remaining.set(node.id, context.incoming.get(node.id)?.length ?? 0);
  const order: string[] = [];
  const queue: string[] = [];
  for (const [id, count] of remaining) if (count === 0) queue.push(id);
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head] as string;
    order.push(id);
    for (const { edge } of context.outgoing.get(id) ?? []) {
      const count = (remaining.get(edge.target) ?? 0) - 1;
      remaining.set(edge.target, count);
      if (count === 0) queue.push(edge.target);
    }
  }
  if (order.length === context.nodes.length) return order;
  reportCycles(context, new Set(order));
  return null;
}

/** Finds cycles among the nodes Kahn's algorithm could not order, by iterative DFS. */
function reportCycles(context: CompileContext, ordered: ReadonlySet<string>): void {
  const state = new Map<string, 'active' | 'done'>();
  for (const node of context.nodes) {
    if (ordered.has(node.id) || state.has(node.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: node.id, next: 0 }];
    state.set(node.id, 'active');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; next: number };
      const out = context.outgoing.get(frame.id) ?? [];
      const checked = out[frame.next];
      frame.next += 1;
      if (!checked) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const target = checked.edge.target;
      if (ordered.has(target)) continue;
      const seen = state.get(target);
      if (seen === 'active') {
        const begin = stack.findIndex((entry) => entry.id === target);
        const cycle = stack.slice(begin).map((entry) => entry.id);
        context.report(
          'cycle',
          `These nodes form a cycle: ${[...cycle, target].join(' → ')}. Pipelines must not loop; remove edge “${checked.edge.id}”.`,
          { nodeId: target, path: pointer('edges', checked.index) },
        );
      } else if (seen === undefined) {
        state.set(target, 'active');
        stack.push({ id: target, next: 0 });
      }
    }
  }
}

/** Reports nodes that no path from the start reaches. */
export function checkReachability(context: CompileContext, startId: string): void {
  const reached = new Set([startId]);
  const queue = [startId];
  for (let head = 0; head < queue.length; head += 1) {
    for (const { edge } of context.outgoing.get(queue[head] as string) ?? []) {
      if (!reached.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  for (const node of context.nodes) {
    if (reached.has(node.id)) continue;
    context.report(
      'unreachable_node',
      `“${node.id}” is not connected to the start; connect it or delete it.`,
      {
        nodeId: node.id,
        path: pointer('nodes', node.index),
      },
    );
  }
}

/** Answers "is A upstream of B" in O(1) after one pass; bitsets keep 500-node documents fast. */
export interface AncestorIndex {
  isUpstream(ancestor: string, node: string): boolean;
}

/** Every node's ancestors as a bitset, computed along a topological order. */
export function ancestorIndex(context: CompileContext, order: readonly string[]): AncestorIndex {
  const position = new Map<string, number>();
  for (const [index, id] of order.entries()) position.set(id, index);
  const words = Math.ceil(order.length / 32) || 1;
  const bits = new Uint32Array(order.length * words);
  order.forEach((id, index) => {
    const row = index * words;
    for (const { edge } of context.incoming.get(id) ?? []) {
      const source = position.get(edge.source) ?? 0;
      const sourceRow = source * words;
      bits[row + (source >>> 5)] = (bits[row + (source >>> 5)] ?? 0) | (1 << (source & 31));
      for (let word = 0; word < words; word += 1) {
        bits[row + word] = (bits[row + word] ?? 0) | (bits[sourceRow + word] ?? 0);
      }
    }
  });
  return {
    isUpstream(ancestor, node) {
      const ancestorPosition = position.get(ancestor);
      const nodePosition = position.get(node);
      if (ancestorPosition === undefined || nodePosition === undefined) return false;
      const word = bits[nodePosition * words + (ancestorPosition >>> 5)] ?? 0;
      return (word & (1 << (ancestorPosition & 31))) !== 0;
    },
  };
}
