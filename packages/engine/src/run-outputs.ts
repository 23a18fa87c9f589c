import { stringifyValue } from '@edgeflow/graph';
import type { NodeRuntime } from './node-runtime.ts';
import type { RunContext } from './run-context.ts';

/**
 * The run's outputs. Chat: `{ answer }`, every answer's text in plan order (an answer cut short by
 * the run's end contributes what the caller already received). Workflow: the outputs of the end
 * nodes that ran (one per branch, usually one in all).
 */
export function runOutputs(
  run: RunContext,
  runtimes: readonly (NodeRuntime | undefined)[],
): Record<string, unknown> {
  const nodes = run.plan.nodes;
  if (run.plan.mode === 'chat') {
    let answer = '';
    for (let index = 0; index < nodes.length; index += 1) {
      if (nodes[index]?.type !== 'answer') continue;
      const outputs = run.outputs[index];
      answer += outputs ? stringifyValue(outputs.text) : (runtimes[index]?.emittedText ?? '');
    }
    return { answer };
  }
  const merged: Record<string, unknown> = {};
  for (let index = 0; index < nodes.length; index += 1) {
    const outputs = run.outputs[index];
    if (nodes[index]?.type === 'end' && outputs) Object.assign(merged, outputs);
  }
  return merged;
}
