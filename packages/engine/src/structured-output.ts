import { parseJsonText } from './json-text.ts';
import { streamModel } from './model-call.ts';
import { NodeError } from './node-error.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';
import type { ModelRequest } from './ports/model-port.ts';

export type Validation<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly message: string };

function check<Value>(text: string, validate: (value: unknown) => Validation<Value>): Validation<Value> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, message: 'the reply is not a JSON object.' };
  return validate(parsed.value);
}

/**
 * Asks for structured output and validates it; an invalid reply gets one repair request (the model
 * sees its reply and what is wrong with it), then the node fails with `invalid_model_output`.
 */
export async function askStructured<Value>(
  runtime: NodeRuntime,
  request: ModelRequest & { readonly output: NonNullable<ModelRequest['output']> },
  signal: CancelSignal,
  validate: (value: unknown) => Validation<Value>,
): Promise<Value> {
  const first = await streamModel(runtime, request, signal, false);
  const checked = check(first.text, validate);
  if (checked.ok) return checked.value;
  const repair: ModelRequest = {
    ...request,
    messages: [
      ...request.messages,
      { role: 'assistant', content: first.text },
      {
        role: 'user',
        content: `That reply is not valid: ${checked.message} Reply again with only a JSON object that matches the schema.`,
      },
    ],
  };
  const second = await streamModel(runtime, repair, signal, false);
  const repaired = check(second.text, validate);
  if (repaired.ok) return repaired.value;
  throw new NodeError(
    'invalid_model_output',
    `The model's reply was invalid, also after a repair request: ${repaired.message}`,
  );
}
