import type { CancelSignal } from './ports/cancel-signal.ts';
import type { Clock } from './ports/clock.ts';
import type { JsonSchema } from './ports/json-schema.ts';
import type { ModelMessage, ModelPort, ModelRequest, ModelStreamPart } from './ports/model-port.ts';
import { PortError } from './ports/port-error.ts';

/** The built-in model that needs no key. */
export const echoModelId = 'local:echo';

export interface EchoModelOptions {
  /** Needed only with `tokenDelayMs`, to wait between words. */
  readonly clock?: Clock | undefined;
  /** Pause before each word after the first, to look like a real stream. */
  readonly tokenDelayMs?: number | undefined;
}

function lastUserText(messages: readonly ModelMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role === 'user') return message.content;
  }
  return '';
}

/** Words with the spaces after them; joined they give the text back exactly. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function inputWords(request: ModelRequest): number {
  let count = countWords(request.system ?? '');
  for (const message of request.messages) {
    count += countWords(message.role === 'tool' ? JSON.stringify(message.result ?? null) : message.content);
  }
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `name: value` (or `name = value`) in the text, up to the end of the line or a `,` or `;`. */
function labelledValue(name: string, text: string): string | undefined {
  const pattern = new RegExp(`(?:^|[^A-Za-z0-9_])${escapeRegExp(name)}\\s*[:=]\\s*([^\\n,;]+)`, 'i');
  const found = pattern
    .exec(text)?.[1]
    ?.trim()
    .replace(/[.!?]+$/, '');
  return found === '' ? undefined : found;
}

function mentions(text: string, option: string): boolean {
  const lower = text.toLowerCase();
  const wanted = option.toLowerCase();
  return lower.includes(wanted) || lower.includes(wanted.replaceAll('_', ' '));
}

function schemaType(schema: JsonSchema): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return String(type.find((entry) => entry !== 'null') ?? 'string');
  return 'string';
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value that satisfies `schema`, taken from the text where it says so, else an empty default. */
function fill(schema: JsonSchema, name: string, text: string): unknown {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum.find((option) => mentions(text, String(option))) ?? schema.enum[0];
  }
  const type = schemaType(schema);
  if (type === 'object') {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const value: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(properties))
      value[key] = fill(isSchema(property) ? property : {}, key, text);
    return value;
  }
  if (type === 'array') return [];
  const found = labelledValue(name, text);
  if (type === 'number' || type === 'integer') {
    const parsed = found === undefined ? Number.NaN : Number(found);
    if (!Number.isFinite(parsed)) return 0;
    return type === 'integer' ? Math.round(parsed) : parsed;
  }
  if (type === 'boolean') return found !== undefined && /^(true|yes|y|1)$/i.test(found);
  return found ?? '';
}

function aborted(): PortError {
  return new PortError('cancelled', 'The model call was cancelled.', { retryable: false });
}

async function* echo(
  request: ModelRequest,
  signal: CancelSignal,
  options: EchoModelOptions,
): AsyncGenerator<ModelStreamPart> {
  if (request.model !== echoModelId) {
    throw new PortError(
      'model_not_found',
      `The local echo model serves only ${echoModelId}, not ${request.model}.`,
      {
        retryable: false,
      },
    );
  }
  const prompt = lastUserText(request.messages);
  const reply = request.output ? JSON.stringify(fill(request.output.schema, '', prompt)) : `Echo: ${prompt}`;
  const pieces = words(reply);
  const delay = options.tokenDelayMs ?? 0;
  for (const [position, piece] of pieces.entries()) {
    if (position > 0 && delay > 0 && options.clock) await options.clock.sleep(delay, signal);
    if (signal.aborted) throw aborted();
    yield { type: 'text-delta', delta: piece };
  }
  yield {
    type: 'finish',
    finishReason: 'stop',
    usage: { inputTokens: inputWords(request), outputTokens: countWords(reply) },
  };
}

/**
 * The `local:echo` model: replies "Echo: " and the last user message, word by word, and answers
 * structured-output requests with JSON that fits the schema (an enum option the message mentions,
 * `field: value` pairs found in it, else empty values). Deterministic; it never calls tools.
 * @example run(plan, { inputs, ports: { clock, model: createEchoModel() } })
 */
export function createEchoModel(options: EchoModelOptions = {}): ModelPort {
  return { stream: (request, signal) => echo(request, signal, options) };
}
