import type { CancelSignal } from '../ports/cancel-signal.ts';
import type { Clock } from '../ports/clock.ts';
import type { FinishReason, ModelPort, ModelRequest, ModelStreamPart } from '../ports/model-port.ts';
import { PortError } from '../ports/port-error.ts';
import type { TokenUsage } from '../ports/token-usage.ts';

/** One scripted model reply. A plain string is `{ text }`. */
export interface ScriptedReplySpec {
  /** Streamed word by word when a string, chunk by chunk when an array. */
  readonly text?: string | readonly string[];
  readonly toolCalls?: readonly {
    readonly id?: string;
    readonly name: string;
    readonly arguments: unknown;
  }[];
  /** Defaults to words in and words out. */
  readonly usage?: TokenUsage;
  readonly finishReason?: FinishReason;
  /** Thrown after the text (if any) was streamed; a string becomes a retryable PortError `model_error`. */
  readonly error?: Error | string;
  /** Awaited before the first chunk. */
  readonly before?: Promise<unknown>;
  /** Awaited after the text, before the tool calls and the finish. */
  readonly hold?: Promise<unknown>;
  /** Wait between chunks (needs the model's clock). */
  readonly delayMs?: number;
  /** Never answers and ignores the signal: a provider that hangs. */
  readonly hang?: boolean;
}
export type ScriptedReply = string | ScriptedReplySpec;

/** Replies in order (the last one repeats), or a function of the request and the call number (from 1). */
export type ModelScript =
  | readonly ScriptedReply[]
  | ((request: ModelRequest, call: number) => ScriptedReply | Promise<ScriptedReply>);

export interface ScriptedModel extends ModelPort {
  /** The requests received, in order (the last thousand or so). */
  readonly requests: ModelRequest[];
}

function chunks(text: string | readonly string[] | undefined): readonly string[] {
  if (text === undefined) return [];
  if (typeof text !== 'string') return text;
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function words(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function defaultUsage(request: ModelRequest, reply: readonly string[]): TokenUsage {
  let input = words(request.system ?? '');
  for (const message of request.messages) input += message.role === 'tool' ? 1 : words(message.content);
  return { inputTokens: input, outputTokens: words(reply.join('')) };
}

async function* play(
  request: ModelRequest,
  script: ModelScript,
  call: number,
  signal: CancelSignal,
  clock: Clock | undefined,
): AsyncGenerator<ModelStreamPart> {
  const reply =
    typeof script === 'function' ? await script(request, call) : (script[call - 1] ?? script.at(-1) ?? '');
  const spec: ScriptedReplySpec = typeof reply === 'string' ? { text: reply } : reply;
  if (spec.hang) await new Promise<never>(() => undefined);
  if (spec.before) await spec.before;
  const pieces = chunks(spec.text);
  for (let position = 0; position < pieces.length; position += 1) {
    const piece = pieces[position] ?? '';
    if (position > 0 && spec.delayMs && clock) await clock.sleep(spec.delayMs, signal);
    if (signal.aborted)
      throw new PortError('cancelled', 'The model call was cancelled.', { retryable: false });
    yield { type: 'text-delta', delta: piece };
  }
  if (spec.hold) await spec.hold;
  if (spec.error !== undefined) {
    throw typeof spec.error === 'string' ? new PortError('model_error', spec.error) : spec.error;
  }
  for (const [position, call] of (spec.toolCalls ?? []).entries()) {
    yield {
      type: 'tool-call',
      id: call.id ?? `call_${position + 1}`,
      name: call.name,
      arguments: call.arguments,
    };
  }
  yield {
    type: 'finish',
    finishReason: spec.finishReason ?? (spec.toolCalls?.length ? 'tool-calls' : 'stop'),
    usage: spec.usage ?? defaultUsage(request, pieces),
  };
}

/** Requests kept by the scripted ports: enough for any test, bounded for long benchmarks. */
export const recordedLimit = 1_000;

/** Appends to a record that keeps only the last `recordedLimit` entries. */
export function record<Entry>(entries: Entry[], entry: Entry): void {
  entries.push(entry);
  if (entries.length > recordedLimit * 2) entries.splice(0, entries.length - recordedLimit);
}

/**
 * A model port that plays a script, instantly unless told to wait: for engine tests, template tests
 * and benchmarks. It serves any model id. `requests` keeps the last requests (about a thousand).
 * @example createScriptedModel(['Hello there', { error: 'overloaded' }])
 */
export function createScriptedModel(
  script: ModelScript = ['ok'],
  options: { readonly clock?: Clock } = {},
): ScriptedModel {
  const requests: ModelRequest[] = [];
  let calls = 0;
  return {
    requests,
    stream(request, signal) {
      calls += 1;
      record(requests, request);
      return play(request, script, calls, signal, options.clock);
    },
  };
}
