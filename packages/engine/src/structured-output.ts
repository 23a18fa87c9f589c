import { parseJsonText } from './json-text.ts';
import { streamModel } from './model-call.ts';
import { type ModelCallConfig, modelRequest, modelsOf } from './model-settings.ts';
import { NodeError } from './node-error.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';
import type { ModelRequest } from './ports/model-port.ts';
import { withRetries } from './retry.ts';

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

/** What a structured-output node (classifier, extractor) renders and asks. */
export interface StructuredNodeConfig extends ModelCallConfig {
  readonly input: string;
  readonly instructions: string;
}

/**
 * The whole run of a structured-output node: renders its input and instructions, then asks the
 * model (and its fallbacks, with the node's retries) for JSON that `validate` accepts.
 */
export function runStructuredNode<Value>(
  runtime: NodeRuntime,
  config: StructuredNodeConfig,
  ask: {
    readonly system: (instructions: string) => string;
    readonly output: NonNullable<ModelRequest['output']>;
    readonly validate: (value: unknown) => Validation<Value>;
  },
): Promise<Value> {
  const input = runtime.render(config.input);
  const instructions = runtime.render(config.instructions);
  runtime.inputs = { model: config.model, input, instructions };
  const system = ask.system(instructions);
  return withRetries(runtime, config.retry, modelsOf(config), 'model_error', (model = config.model, signal) =>
    askStructured(
      runtime,
      { ...modelRequest(config, model, system, [{ role: 'user', content: input }]), output: ask.output },
      signal,
      ask.validate,
    ),
  );
}
