import { NodeError } from '../node-error.ts';
import { validateInputs } from '../validate-inputs.ts';
import type { Executor } from './executor.ts';

/** Outputs the run's inputs, defaults filled; inputs that do not fit the declaration fail the run here. */
export const executeStart: Executor<'start'> = (_node, runtime) => {
  const checked = validateInputs(runtime.run.plan, runtime.run.inputs);
  if (!checked.ok) {
    throw new NodeError('invalid_inputs', checked.issues.map((issue) => issue.message).join(' '), false);
  }
  runtime.inputs = checked.values;
  return { outputs: checked.values };
};
