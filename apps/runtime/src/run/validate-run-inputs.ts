import { validateInputs } from '@edgeflow/engine';
import type { Plan } from '@edgeflow/graph';
import { ApiError } from '../http/api-error.ts';

/** The inputs with defaults applied, or 422 `invalid_inputs` naming each offending field. */
export function validateRunInputs(plan: Plan, inputs: Record<string, unknown>): Record<string, unknown> {
  const result = validateInputs(plan, inputs);
  if (result.ok) return { ...result.values };
  throw new ApiError(422, 'invalid_inputs', 'The inputs do not match the app’s start node.', {
    fields: result.issues.map((issue) => ({ name: issue.field, message: issue.message })),
  });
}
