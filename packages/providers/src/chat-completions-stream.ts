import type { CancelSignal, FinishReason, ModelRequest, ModelStreamPart, TokenUsage } from '@edgeflow/engine';
import { APICallError } from 'ai';
import { createParser } from 'eventsource-parser';
import { linkAbort } from './linked-abort.ts';
import { cancellationError, ModelError } from './model-error.ts';
import type { FetchFunction } from './provider-registry.ts';

/** An OpenAI-compatible Chat Completions endpoint (`{baseUrl}/chat/completions`) and one of its models. */
export interface ChatCompletionsEndpoint {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  /** The provider's own model name (without our `provider:` prefix). */
  readonly model: string;
  readonly fetch: FetchFunction | undefined;
}

/** Text in, text out: no tools, no tool messages, no structured output. What {@link streamChatCompletion} serves. */
export function isPlainChat(request: ModelRequest): boolean {
  if (request.output !== undefined || (request.tools !== undefined && request.tools.length > 0)) return false;
  return request.messages.every(
    (message) =>
      message.role === 'user' ||
      (message.role === 'assistant' && (message.toolCalls === undefined || message.toolCalls.length === 0)),
  );
}

/**
 * One streaming Chat Completions call for plain chat, read straight off the response body.
 *
 * Why not the AI SDK here: plain streamed chat is the platform's hot path, and the runtime benchmark
 * profiled `streamText` (its chain of TransformStreams, per-chunk schema validation and bookkeeping)
 * as the largest single share of the worker's CPU per run. This reader does only what plain chat
 * needs (text deltas, finish reason, usage, errors) with one parser (`eventsource-parser`, the one the
 * SDK uses too) and no stream layers. Tools, structured output, embeddings and providers with their own
 * protocols stay on the SDK. Errors are thrown as the SDK would throw them (`APICallError` for an
 * HTTP failure), so one mapping (`toModelError`) and one retry policy serve both paths.
 */
export async function* streamChatCompletion(
  endpoint: ChatCompletionsEndpoint,
  request: ModelRequest,
  signal: CancelSignal,
): AsyncGenerator<ModelStreamPart> {
  const abort = linkAbort(signal);
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const body = requestBody(endpoint.model, request);
  let completed = false;
  try {
    const response = await (endpoint.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(endpoint.apiKey === undefined ? {} : { authorization: `Bearer ${endpoint.apiKey}` }),
      },
      body: JSON.stringify(body),
      signal: abort.signal,
    });
    if (!response.ok || response.body === null) throw await callError(url, body, response);
    // Read here rather than in a generator of its own: every generator a part passes through costs it
    // awaits of its own, which workerd makes dear (the runtime profile, test/bench/runtime-profile.ts).
    const parts = readStream(response.body, request.model, abort.signal);
    for (;;) {
      const batch = await parts.next();
      for (const part of batch.parts) yield part;
      if (batch.finished) break;
    }
    completed = true;
  } catch (error) {
    if (signal.aborted) throw cancellationError();
    throw error;
  } finally {
    abort.dispose(completed);
  }
}

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

function requestBody(model: string, request: ModelRequest): Record<string, unknown> {
  const messages: ChatMessage[] = [];
  if (request.system !== undefined && request.system.trim() !== '') {
    messages.push({ role: 'system', content: request.system });
  }
  for (const message of request.messages) {
    if (message.role === 'user' || message.role === 'assistant') {
      messages.push({ role: message.role, content: message.content });
    }
  }
  return {
    model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
  };
}

interface Chunk {
  readonly choices?: readonly {
    readonly delta?: { readonly content?: string | null } | null;
    readonly finish_reason?: string | null;
  }[];
  readonly usage?: { readonly prompt_tokens?: number; readonly completion_tokens?: number } | null;
  readonly error?: { readonly message?: string } | string;
}

/** The parts of one network read, and whether the stream is over (its last batch ends in `finish`). */
interface PartBatch {
  readonly parts: readonly ModelStreamPart[];
  readonly finished: boolean;
}

/** Reads the body one network read at a time; `next` answers the parts that read carried. */
function readStream(
  body: ReadableStream<Uint8Array>,
  modelId: string,
  abortSignal: AbortSignal,
): { next(): Promise<PartBatch> } {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending: ModelStreamPart[] = [];
  let finishReason: FinishReason | undefined;
  const usage = { inputTokens: 0, outputTokens: 0 } satisfies TokenUsage;
  let done = false;
  let failure: Error | undefined;
  const parser = createParser({
    onEvent(event) {
      if (done || failure) return;
      if (event.data === '[DONE]') {
        done = true;
        return;
      }
      let chunk: Chunk;
      try {
        chunk = JSON.parse(event.data) as Chunk;
      } catch {
        failure = new Error(`the provider sent a chunk that is not JSON: ${event.data.slice(0, 100)}`);
        return;
      }
      if (chunk.error !== undefined) {
        const message =
          typeof chunk.error === 'string' ? chunk.error : (chunk.error.message ?? 'unknown error');
        failure = new Error(`the provider reported an error: ${message}`);
        return;
      }
      const choice = chunk.choices?.[0];
      const text = choice?.delta?.content;
      if (typeof text === 'string' && text !== '') pending.push({ type: 'text-delta', delta: text });
      if (choice?.finish_reason) finishReason = finishReasonOf(choice.finish_reason);
      if (chunk.usage) {
        usage.inputTokens = chunk.usage.prompt_tokens ?? usage.inputTokens;
        usage.outputTokens = chunk.usage.completion_tokens ?? usage.outputTokens;
      }
    },
  });
  let ended = false;
  const take = () => {
    const parts = pending;
    pending = [];
    return parts;
  };
  /** After the last read: the body's end, then the `finish` part (or why there is none). */
  const finish = async (): Promise<PartBatch> => {
    // After `[DONE]` only the body's end should follow: read it, so the connection ends cleanly (and can
    // be reused) instead of being cancelled; a server that keeps it open gets a moment, then is cut.
    if (!ended) ended = await endsSoon(reader);
    if (!ended) await reader.cancel().catch(() => undefined);
    if (abortSignal.aborted) throw cancellationError();
    // A stream that closes without saying it finished was cut off (a dropped connection can look like this).
    if (!done && finishReason === undefined) {
      throw new ModelError(
        'model_unavailable',
        `${modelId}: the provider ended the stream before the answer was complete.`,
        { retryable: true },
      );
    }
    return {
      parts: [...take(), { type: 'finish', finishReason: finishReason ?? 'stop', usage }],
      finished: true,
    };
  };
  return {
    async next(): Promise<PartBatch> {
      try {
        while (!done) {
          const { value, done: end } = await reader.read();
          if (end) {
            ended = true;
            break;
          }
          parser.feed(decoder.decode(value, { stream: true }));
          if (failure) throw failure;
          if (pending.length > 0) return { parts: take(), finished: false };
        }
      } catch (error) {
        // A failure: stop reading (the request itself is aborted by the caller).
        if (!ended) await reader.cancel().catch(() => undefined);
        throw error;
      }
      return finish();
    },
  };
}

const trailingReadMs = 50;

async function endsSoon(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), trailingReadMs);
  });
  try {
    const next = await Promise.race([reader.read().then((result) => result.done), timeout]);
    return next;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function finishReasonOf(reason: string): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'other';
  }
}

// Provider error bodies are capped: an HTML error page is not worth reading whole.
const maxErrorBody = 4_096;

/** The failed response as the AI SDK reports one, so `toModelError` maps both paths alike. */
async function callError(url: string, body: unknown, response: Response): Promise<APICallError> {
  const text = (await response.text().catch(() => '')).slice(0, maxErrorBody);
  let message = text.trim() === '' ? response.statusText || `HTTP ${response.status}` : text;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const candidate =
      typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof candidate === 'string' && candidate !== '') message = candidate;
  } catch {
    // Not JSON: the text (or status) is the message.
  }
  const status = response.status;
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  return new APICallError({
    message,
    url,
    requestBodyValues: body,
    statusCode: status,
    responseHeaders,
    responseBody: text,
    isRetryable: status === 408 || status === 409 || status === 429 || status >= 500,
  });
}
