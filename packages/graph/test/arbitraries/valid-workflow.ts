import fc from 'fast-check';
import type { Output } from './config-builder.ts';
import { Dice } from './dice.ts';
import { finalNode, startNode } from './endpoint-nodes.ts';
import { middleKinds, middleNode } from './middle-node.ts';
import {
  branchPorts,
  type GeneratedEdge,
  type GeneratedNode,
  type GeneratedWorkflow,
  prototypeNames,
} from './workflow-model.ts';

export interface WorkflowOptions {
  /** Nodes between the start and the answer or end. */
  readonly minMiddle?: number;
  readonly maxMiddle?: number;
}

function buildWorkflow(dice: Dice, options: WorkflowOptions): GeneratedWorkflow {
  const mode = dice.chance(60) ? 'chat' : 'workflow';
  const shape = dice.pick(['chain', 'dag', 'dag', 'wide']);
  const middleCount = dice.int(options.minMiddle ?? 0, options.maxMiddle ?? 8);
  const usedIds = new Set<string>();
  const freshId = (fallback: string): string => {
    const wanted = dice.chance(25) ? dice.pick([...prototypeNames, 'then', 'node_1']) : fallback;
    const id = usedIds.has(wanted) ? `${fallback}_${usedIds.size}` : wanted;
    usedIds.add(id);
    return id;
  };

  const nodes: GeneratedNode[] = [startNode(dice, freshId('start'), mode)];
  const edges: GeneratedEdge[] = [];
  const ancestors = new Map<string, Set<string>>([[nodes[0]?.id ?? '', new Set()]]);
  const connect = (source: GeneratedNode, target: string, port: string) => {
    const sourceHandle = port === 'out' ? dice.pick([undefined, 'out', null]) : port;
    edges.push({
      id: `e${edges.length + 1}`,
      source: source.id,
      target,
      port,
      ...(sourceHandle === undefined ? {} : { sourceHandle }),
    });
  };
  const upstreamOf = (parents: readonly GeneratedNode[]): { outputs: Output[]; ids: Set<string> } => {
    const ids = new Set<string>();
    for (const parent of parents) {
      ids.add(parent.id);
      for (const id of ancestors.get(parent.id) ?? []) ids.add(id);
    }
    const outputs = nodes
      .filter((node) => ids.has(node.id))
      .flatMap((node) =>
        Object.entries(node.outputs).map(([field, type]) => ({ node: node.id, field, type })),
      );
    return { outputs, ids };
  };

  for (let index = 1; index <= middleCount; index += 1) {
    const kind = dice.pick(middleKinds);
    const previous = nodes.at(-1);
    const parents =
      shape === 'chain' && previous
        ? [previous]
        : shape === 'wide'
          ? [dice.pick(nodes.slice(0, 2))]
          : dice.distinct(nodes, dice.int(1, Math.min(3, nodes.length)));
    const { outputs, ids } = upstreamOf(parents);
    const node = middleNode(dice, freshId(`${kind}_${index}`), kind, outputs);
    for (const parent of parents) connect(parent, node.id, dice.pick(parent.ports));
    ancestors.set(node.id, ids);
    nodes.push(node);
  }

  // The answer or end joins every node nothing follows yet: no dead ends, and all nodes are its ancestors.
  const sinks = nodes.filter((node) => !edges.some((edge) => edge.source === node.id));
  const { outputs, ids } = upstreamOf(sinks);
  const last = finalNode(dice, freshId(mode === 'chat' ? 'answer' : 'end'), mode, outputs);
  for (const sink of sinks)
    connect(sink, last.id, sink.type === 'condition' ? 'else' : dice.pick(sink.ports));
  ancestors.set(last.id, ids);
  nodes.push(last);
  for (const node of nodes) {
    const taken = new Set(edges.filter((edge) => edge.source === node.id).map((edge) => edge.port));
    // Every condition takes its else port somewhere (an error otherwise).
    if (node.type === 'condition' && !taken.has('else')) connect(node, last.id, 'else');
    // Most other branch ports too; the rest stay open on purpose and draw an unconnected_port warning.
    for (const port of branchPorts(node)) {
      if (!taken.has(port) && dice.chance(85)) connect(node, last.id, port);
    }
  }
  return { mode, nodes, edges };
}

/** Valid workflows: chains, fan-out and fan-in, condition and classifier branches that join. */
export function validWorkflow(options: WorkflowOptions = {}): fc.Arbitrary<GeneratedWorkflow> {
  return fc.noShrink(fc.integer()).map((seed) => buildWorkflow(new Dice(seed), options));
}
