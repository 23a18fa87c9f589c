import { type CodeOutput, typeOfValue } from '@edgeflow/graph';
import { NodeError } from '../node-error.ts';
import { withRetries } from '../retry.ts';
import type { Executor } from './executor.ts';

function declaredOutputs(outputs: readonly CodeOutput[], result: unknown): Record<string, unknown> {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    throw new NodeError(
      'code_invalid_output',
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
        'code_invalid_output',
        `main() must return “${output.name}” as a ${output.type}; it is ${found}.`,
        false,
      );
    }
    values[output.name] = value;
  }
  return values;
}

/**
 * Sandbox failures another try cannot fix: the same code and inputs fail the same way. A thrown error
 * (`code_error`) is retried when the node asks, since code may use Math.random or the date.
 */
const deterministicFailures = new Set([
  'code_syntax_error',
  'code_no_main',
  'code_invalid_output',
  'code_invalid_input',
  'code_memory_limit',
  'code_timeout',
]);

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
      if (!answer.ok) {
        const code = answer.error.code || 'code_error';
        throw new NodeError(code, answer.error.message, !deterministicFailures.has(code));
      }
      return answer.result;
    },
  );
  return { outputs: declaredOutputs(config.outputs, result) };
};
