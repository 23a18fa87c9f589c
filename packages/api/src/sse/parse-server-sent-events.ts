import {
  type ServerSentEvent,
  ServerSentEventDecoder,
  type ServerSentEventDecoderOptions,
} from './server-sent-event-decoder.ts';

/**
 * Reads a `text/event-stream` body as events. Bytes are decoded as UTF-8 across chunk boundaries
 * (invalid bytes become U+FFFD, never an error); an event not closed by a blank line before the
 * stream ends is dropped, as the spec says. Stopping early cancels the stream. Throws only
 * `EventStreamError` (`event_too_large`) or the stream's own error.
 * @example for await (const { event, data } of parseServerSentEvents(response.body)) console.log(event, data);
 */
export async function* parseServerSentEvents(
  stream: ReadableStream<Uint8Array>,
  options: ServerSentEventDecoderOptions = {},
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events = new ServerSentEventDecoder(options);
  let finished = false;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      yield* events.push(decoder.decode(chunk.value, { stream: true }));
    }
    finished = true;
    yield* events.push(decoder.decode());
  } finally {
    // Stopped early or failed: tell the server we are gone. Its error, if any, is already ours.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
