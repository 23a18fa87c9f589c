import { type Plan, type StartInput, typeOfValue } from '@edgeflow/graph';

export interface InputIssue {
  /** The input's name; empty when the inputs as a whole are wrong. */
  readonly field: string;
  readonly message: string;
}

export type InputValidation =
  | { readonly ok: true; readonly values: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkInput(
  input: StartInput,
  given: unknown,
  values: Record<string, unknown>,
  issues: InputIssue[],
): void {
  const value = given === undefined || given === null ? input.default : given;
  if (value === undefined || value === null) {
    if (input.required) issues.push({ field: input.name, message: `“${input.name}” is required.` });
    return;
  }
  const actual = typeOfValue(value);
  if (actual !== input.type || (typeof value === 'number' && !Number.isFinite(value))) {
    issues.push({ field: input.name, message: `“${input.name}” must be a ${input.type}, not a ${actual}.` });
    return;
  }
  values[input.name] = value;
}

/**
 * Checks a caller's inputs against the start node's declared inputs and fills defaults. Inputs the
 * start node does not declare are dropped, not refused, so older clients keep working.
 * @example const checked = validateInputs(plan, { query: 'hi' }); if (!checked.ok) reply422(checked.issues);
 */
export function validateInputs(plan: Plan, inputs: unknown): InputValidation {
  if (inputs !== undefined && inputs !== null && !isRecord(inputs)) {
    return { ok: false, issues: [{ field: '', message: 'The inputs must be a JSON object.' }] };
  }
  const given = inputs ?? {};
  const values: Record<string, unknown> = {};
  const issues: InputIssue[] = [];
  for (const input of plan.inputs) {
    checkInput(input, Object.hasOwn(given, input.name) ? given[input.name] : undefined, values, issues);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values };
}
