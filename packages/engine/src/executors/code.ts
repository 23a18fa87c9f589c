import { type CodeOutput, typeOfValue } from '@edgeflow/graph';
import { NodeError } from '../node-error.ts';
import { withRetries } from '../retry.ts';
import type { Executor } from './executor.ts';

function declaredOutputs(outputs: readonly CodeOutput[], result: unknown): Record<string, unknown> {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    throw new NodeError(
      'invalid_code_output',
      `main() must return an object, not ${typeOfValue(result)}.`,
      false,
    );
  }
  const source = result as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const output of outputs) {
    const value = Object.hasOwn(source, output.name) ? source[output.name] : undefined;
    const actual = typeOfValue(value);
    if (actual !== output.type) {
      const found = actual === 'null' ? 'missing' : `a ${actual}`;
      throw new NodeError(
        'invalid_code_output',
        `main() must return “${output.name}” as a ${output.type}; it is ${found}.`,
        false,
      );
    }
    values[output.name] = value;
  }
  return values;
}

/** Runs `main(inputs)` in the sandbox and checks the declared outputs' types. */
export const executeCode: Executor<'code'> = async (node, runtime) => {
  const { config } = node;
  const inputs: Record<string, unknown> = {};
  for (const [name, template] of Object.entries(config.inputs))
    inputs[name] = runtime.value(template) ?? null;
  runtime.inputs = inputs;
  const port = runtime.run.ports.sandbox;
  if (!port) throw new NodeError('port_unavailable', 'No code sandbox is configured for this run.', false);
  const request = {
    code: config.code,
    inputs,
    timeoutMs: config.timeoutMs,
    memoryLimitMb: config.memoryLimitMb,
  };
  const result = await withRetries(
    runtime,
    config.retry,
    [undefined],
    'code_error',
    async (_model, signal) => {
      const answer = await port.execute(request, signal);
      runtime.logs = answer.logs;
      if (!answer.ok) throw new NodeError(answer.error.code || 'code_error', answer.error.message);
      return answer.result;
    },
  );
  return { outputs: declaredOutputs(config.outputs, result) };
};
