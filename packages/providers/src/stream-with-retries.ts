import type { CancelSignal, ModelRequest, ModelStreamPart, PortError } from '@edgeflow/engine';
import type { LanguageModel } from 'ai';
import {
  type ChatCompletionsEndpoint,
  isPlainChat,
  streamChatCompletion,
} from './chat-completions-stream.ts';
import { cancellationError, ModelError } from './model-error.ts';
import type { JsonModeFallback } from './provider-registry.ts';
import type { Retrier } from './retrying.ts';
import { streamAttempt } from './stream-attempt.ts';

/** What one call streams from, and how its errors are worded. */
export interface StreamTarget {
  readonly model: LanguageModel;
  readonly jsonMode?: JsonModeFallback | undefined;
  /** Plain chat is read straight from this endpoint instead of through the SDK, when given. */
  readonly endpoint?: ChatCompletionsEndpoint | undefined;
  readonly toError: (error: unknown) => PortError;
}

/**
 * Streams `request`, trying again after a retryable failure as long as nothing has been yielded
 * (a `retry` part announces each new try; it is not output).
 * Once text or a tool call has reached the caller, a failure is `model_stream_interrupted`: another
 * try would repeat what the caller already has.
 */
export async function* streamWithRetries(
  target: StreamTarget,
  retrier: Retrier,
  request: ModelRequest,
  signal: CancelSignal,
): AsyncGenerator<ModelStreamPart> {
  const { jsonMode } = target;
  const structured = request.output !== undefined && jsonMode !== undefined;
  let model = structured && jsonMode.preferred ? jsonMode.model : target.model;
  const plain = target.endpoint !== undefined && isPlainChat(request) ? target.endpoint : undefined;
  for (let attempt = 1; ; ) {
    let delivered = false;
    let failure: unknown;
    const parts = plain
      ? streamChatCompletion(plain, request, signal)
      : streamAttempt(model, request, signal);
    try {
      for (;;) {
        let next: IteratorResult<ModelStreamPart>;
        try {
          next = await parts.next();
        } catch (error) {
          failure = error;
          break;
        }
        if (next.done) {
          if (structured && model === jsonMode.model) jsonMode.prefer();
          return;
        }
        if (next.value.type !== 'finish') delivered = true;
        yield next.value;
      }
    } finally {
      // When our caller stops reading, this ends the attempt, whose own `finally` aborts the request.
      await parts.return(undefined);
    }
    if (signal.aborted) throw cancellationError();
    const error = target.toError(failure);
    if (delivered) throw interrupted(request.model, error);
    // A server that refuses JSON Schema output answers 400; JSON mode (the schema is in the
    // instructions) is worth one more try, which does not count as a retry.
    if (structured && model !== jsonMode.model && error.code === 'model_bad_request') {
      model = jsonMode.model;
      continue;
    }
    const delayMs = retrier.decide(request.model, error, attempt, signal);
    // Reported before waiting, so the engine traces every failed try (SECURITY.md item 16).
    yield { type: 'retry', error: { code: error.code, message: error.message }, delayMs };
    await retrier.wait(delayMs, signal);
    attempt += 1;
  }
}

function interrupted(modelId: string, cause: PortError): ModelError {
  const prefix = `${modelId}: `;
  const reason = cause.message.startsWith(prefix) ? cause.message.slice(prefix.length) : cause.message;
  return new ModelError(
    'model_stream_interrupted',
    `${modelId}: the answer broke off after it had started: ${reason}`,
    {
      retryable: false,
    },
  );
}
