import { typeOfValue } from '@edgeflow/graph';
import { NodeError } from '../node-error.ts';
import type { Executor } from './executor.ts';

/**
 * Maps references to the run's outputs. A declared type is checked; a missing value (a skipped branch,
 * an empty field) is reported as null rather than as a mismatch.
 */
export const executeEnd: Executor<'end'> = (node, runtime) => {
  const outputs: Record<string, unknown> = {};
  const inputs: Record<string, unknown> = {};
  for (const output of node.config.outputs) {
    runtime.referencedValues(output.value, inputs);
    const value = runtime.value(output.value) ?? null;
    if (output.type && value !== null) {
      const actual = typeOfValue(value);
      if (actual !== output.type) {
        throw new NodeError(
          'output_type_mismatch',
          `The output “${output.name}” must be a ${output.type}, but the value is a ${actual}.`,
          false,
        );
      }
    }
    outputs[output.name] = value;
  }
  runtime.inputs = inputs;
  return { outputs };
};
