import { elapsedSince } from './elapsed.ts';
import type { NodeEndFields } from './event-sink.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { RunContext } from './run-context.ts';
import type { NodeStatus } from './run-event.ts';

/** What the scheduler decides about a node's end; the rest comes from its runtime. */
export type NodeOutcomeFields = Pick<NodeEndFields, 'outputs' | 'error' | 'port'>;

/**
 * The node-end of a started node: outcome, timing, usage, inputs, tries and logs, with every secret
 * the run loaded masked, whichever node loaded it (a service may echo a secret into a response that
 * another node reads). Built field by field: this runs once per node, and spreads of optional parts
 * allocate.
 */
export function nodeEndFields(
  run: RunContext,
  runtime: NodeRuntime,
  status: NodeStatus,
  outcome: NodeOutcomeFields,
): NodeEndFields {
  const fields: { -readonly [Field in keyof NodeEndFields]: NodeEndFields[Field] } = {
    nodeId: runtime.info.node.id,
    nodeType: runtime.info.node.type,
    status,
    elapsedMs: elapsedSince(run.clock.now(), runtime.startedAt),
  };
  if (outcome.outputs) fields.outputs = outcome.outputs;
  else if (status === 'failed') {
    // What the caller already saw of a failed node stays in its trace.
    const partial =
      runtime.partialOutputs ?? (runtime.emittedText ? { text: runtime.emittedText } : undefined);
    if (partial) fields.outputs = run.vault.mask(partial);
  }
  if (outcome.error) fields.error = outcome.error;
  if (outcome.port !== undefined) fields.port = outcome.port;
  const usage = runtime.usage;
  if (usage) fields.usage = { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
  const vault = run.vault;
  if (runtime.inputs) fields.inputs = vault.mask(runtime.inputs);
  fields.startedAt = new Date(runtime.startedAt).toISOString();
  const attempts = runtime.attempts;
  if (attempts && attempts.length > 1) fields.attempts = vault.mask(attempts);
  if (runtime.logs) fields.logs = vault.mask(runtime.logs);
  return fields;
}
