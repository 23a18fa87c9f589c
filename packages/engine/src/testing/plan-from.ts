import { type CompileResult, compile, type Plan } from '@edgeflow/graph';

export interface PlanSpecNode {
  readonly id: string;
  readonly type: string;
  readonly config?: Readonly<Record<string, unknown>>;
}

/** `[source, target]` or `[source, target, port]`. */
export type PlanSpecEdge = readonly [string, string] | readonly [string, string, string];

export interface PlanSpec {
  readonly mode?: 'chat' | 'workflow';
  readonly nodes: readonly PlanSpecNode[];
  readonly edges: readonly PlanSpecEdge[];
}

/** The workflow document a spec stands for. */
export function documentFrom(spec: PlanSpec): Record<string, unknown> {
  return {
    schema: 'edgeflow/workflow@1',
    name: 'Test plan',
    mode: spec.mode ?? 'chat',
    nodes: spec.nodes.map((node, position) => ({
      id: node.id,
      type: node.type,
      position: { x: position * 200, y: 0 },
      config: node.config ?? {},
    })),
    edges: spec.edges.map(([source, target, port], position) => ({
      id: `e${position + 1}`,
      source,
      target,
      ...(port === undefined ? {} : { sourceHandle: port }),
    })),
  };
}

/**
 * Compiles a compact plan description, throwing with the diagnostics when it does not compile.
 * @example planFrom({ nodes: [{ id: 'start', type: 'start', config: chatInputs }, …], edges: [['start', 'llm'], …] })
 */
export function planFrom(spec: PlanSpec): Plan {
  const result: CompileResult = compile(documentFrom(spec));
  if (!result.ok) {
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    throw new Error(
      `The test plan does not compile:\n${errors.map((d) => `${d.code} ${d.nodeId ?? ''}: ${d.message}`).join('\n')}`,
    );
  }
  return result.plan;
}
