import { type ChatCompletionChunk, chatCompletionChunkSchema } from '../schemas/chat-completion-response.ts';
import { validationIssues } from '../schemas/validation-issues.ts';
import { EventStreamError } from './event-stream-error.ts';
import { parseServerSentEvents } from './parse-server-sent-events.ts';
import type { ServerSentEventDecoderOptions } from './server-sent-event-decoder.ts';

/**
 * Reads a streaming `POST /v1/chat/completions` body as validated chunks, ending at `data: [DONE]`.
 * Throws `EventStreamError` like `parseRunEvents`.
 * @example for await (const chunk of parseChatCompletionChunks(response.body)) write(chunk.choices[0]?.delta.content ?? '');
 */
export async function* parseChatCompletionChunks(
  stream: ReadableStream<Uint8Array>,
  options: ServerSentEventDecoderOptions = {},
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  for await (const message of parseServerSentEvents(stream, options)) {
    if (message.data === '[DONE]') return;
    let json: unknown;
    try {
      json = JSON.parse(message.data);
    } catch {
      throw new EventStreamError('invalid_event', 'A chat completion chunk is not JSON.');
    }
    const result = chatCompletionChunkSchema.safeParse(json);
    if (!result.success) {
      throw new EventStreamError('invalid_event', 'A chat completion chunk does not match its schema.', {
        issues: validationIssues(result.error),
      });
    }
    yield result.data;
  }
  throw new EventStreamError('incomplete_stream', 'The chat completion stream ended before data: [DONE].');
}
