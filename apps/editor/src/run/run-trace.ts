import type { RunError, RunEvent, RunRecord, Usage } from '@edgeflow/api';

export type NodeRunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';
export type RunStatus = 'idle' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What the canvas and the trace panel show for one node of a run. */
export interface NodeRunState {
  readonly nodeId: string;
  readonly nodeType: string;
  readonly status: NodeRunStatus;
  readonly inputs?: unknown;
  readonly outputs?: Readonly<Record<string, unknown>> | null;
  readonly error?: RunError | null;
  readonly elapsedMs?: number | null;
  readonly usage?: Usage | null;
  /** Text this node streamed so far. */
  readonly text: string;
}

export interface RunTrace {
  readonly runId: string | null;
  readonly status: RunStatus;
  /** Per node, in the order they started. */
  readonly nodes: Readonly<Record<string, NodeRunState>>;
  readonly order: readonly string[];
  /** Every streamed piece of text so far, in order: the answer as it is produced. */
  readonly text: string;
  readonly outputs: Readonly<Record<string, unknown>> | null;
  readonly error: RunError | null;
  readonly usage: Usage | null;
  readonly elapsedMs: number | null;
  readonly conversationId: string | null;
}

export const idleTrace: RunTrace = {
  runId: null,
  status: 'idle',
  nodes: {},
  order: [],
  text: '',
  outputs: null,
  error: null,
  usage: null,
  elapsedMs: null,
  conversationId: null,
};

/** A trace for a run that was just requested and has sent nothing yet. */
export function startingTrace(): RunTrace {
  return { ...idleTrace, status: 'running' };
}

function withNode(
  trace: RunTrace,
  nodeId: string,
  update: (previous: NodeRunState | undefined) => NodeRunState,
): RunTrace {
  const previous = trace.nodes[nodeId];
  return {
    ...trace,
    nodes: { ...trace.nodes, [nodeId]: update(previous) },
    order: previous ? trace.order : [...trace.order, nodeId],
  };
}

/**
 * Folds one run event into the trace: nodes light up on `node-start`, collect text on `text-delta`,
 * settle on `node-end`; `run-end` settles the run.
 * @example const trace = events.reduce(reduceRunEvent, startingTrace());
 */
export function reduceRunEvent(trace: RunTrace, event: RunEvent): RunTrace {
  switch (event.type) {
    case 'run-start':
      return {
        ...trace,
        runId: event.runId,
        status: 'running',
        conversationId: event.conversationId ?? null,
      };
    case 'node-start':
      return withNode(trace, event.nodeId, () => ({
        nodeId: event.nodeId,
        nodeType: event.nodeType,
        status: 'running',
        text: '',
      }));
    case 'text-delta': {
      const next = withNode(trace, event.nodeId, (previous) => ({
        nodeId: event.nodeId,
        nodeType: previous?.nodeType ?? '',
        status: previous?.status ?? 'running',
        ...previous,
        text: `${previous?.text ?? ''}${event.delta}`,
      }));
      return { ...next, text: `${trace.text}${event.delta}` };
    }
    case 'node-end':
      return withNode(trace, event.nodeId, (previous) => ({
        nodeId: event.nodeId,
        nodeType: event.nodeType ?? previous?.nodeType ?? '',
        status: event.status,
        inputs: event.inputs,
        outputs: event.outputs ?? null,
        error: event.error ?? null,
        elapsedMs: event.elapsedMs,
        usage: event.usage ?? null,
        text: previous?.text ?? '',
      }));
    case 'run-end':
      return {
        ...trace,
        runId: trace.runId ?? event.runId,
        status: event.status,
        outputs: event.outputs,
        error: event.error ?? null,
        usage: event.usage,
        elapsedMs: event.elapsedMs,
      };
  }
}

/** A stored run as the same trace a live test run builds. */
export function traceFromRecord(record: RunRecord): RunTrace {
  const nodes: Record<string, NodeRunState> = {};
  for (const step of record.steps) {
    const text = typeof step.outputs?.text === 'string' ? step.outputs.text : '';
    nodes[step.nodeId] = {
      nodeId: step.nodeId,
      nodeType: step.nodeType,
      status: step.status,
      inputs: step.inputs,
      outputs: step.outputs,
      error: step.error,
      elapsedMs: step.elapsedMs,
      usage: step.usage,
      text,
    };
  }
  const answer = record.outputs?.answer ?? record.outputs?.text;
  return {
    runId: record.id,
    status: record.status === 'running' ? 'running' : record.status,
    nodes,
    order: record.steps.map((step) => step.nodeId),
    text: typeof answer === 'string' ? answer : '',
    outputs: record.outputs,
    error: record.error,
    usage: record.usage,
    elapsedMs: record.elapsedMs,
    conversationId: record.conversationId,
  };
}

/** The node a failed run points at: the error's node, else the first failed node. */
export function failedNodeId(trace: RunTrace): string | null {
  if (trace.error?.nodeId) return trace.error.nodeId;
  return trace.order.find((id) => trace.nodes[id]?.status === 'failed') ?? null;
}
