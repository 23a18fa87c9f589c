import type { NodeKind, PlanNodeOf } from '@edgeflow/graph';
import type { NodeRuntime } from '../node-runtime.ts';

/** What a node produced, and the port it takes (`out` when not given). */
export interface NodeResult {
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly port?: string;
}

/**
 * Runs one node of a kind. Kinds that call no port answer synchronously, which spares the scheduler
 * a promise per node; failures are thrown (a NodeError carries the code).
 */
export type Executor<Kind extends NodeKind> = (
  node: PlanNodeOf<Kind>,
  runtime: NodeRuntime,
) => NodeResult | Promise<NodeResult>;
