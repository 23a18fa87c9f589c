import { parseServerSentEvents } from '@edgeflow/api/server-sent-events';
import { toRunEvent, type WidgetRunEvent } from './run-event.ts';

/** The stream ended (connection lost) before `run-end`. */
export class StreamInterruptedError extends Error {
  override readonly name = 'StreamInterruptedError';
}

/**
 * The run events of a `text/event-stream` body, in order, as they arrive; ends after `run-end` and
 * throws {@link StreamInterruptedError} when the stream ends without one. Pings and events the widget
 * does not use are skipped.
 * @example for await (const event of readRunEvents(response.body)) if (event.type === 'text-delta') show(event.delta);
 */
export async function* readRunEvents(stream: ReadableStream<Uint8Array>): AsyncGenerator<WidgetRunEvent> {
  for await (const message of parseServerSentEvents(stream)) {
    const event = toRunEvent(message.data);
    if (event === null) continue;
    yield event;
    if (event.type === 'run-end') return;
  }
  throw new StreamInterruptedError('The answer stopped before it was complete.');
}
