import { isRunEventType, type RunEvent, runEventSchema } from '../schemas/run-event.ts';
import { validationIssues } from '../schemas/validation-issues.ts';
import { EventStreamError } from './event-stream-error.ts';
import { parseServerSentEvents } from './parse-server-sent-events.ts';
import type { ServerSentEventDecoderOptions } from './server-sent-event-decoder.ts';

/**
 * Reads a run's SSE body as validated run events, ending after `run-end`. Events of a type this
 * version does not know are skipped, since the contract may add event types. Throws
 * `EventStreamError`: `invalid_event` for a known event that does not match its schema,
 * `incomplete_stream` when the stream ends before `run-end`, `event_too_large`.
 * @example for await (const event of parseRunEvents(response.body)) if (event.type === 'text-delta') write(event.delta);
 */
export async function* parseRunEvents(
  stream: ReadableStream<Uint8Array>,
  options: ServerSentEventDecoderOptions = {},
): AsyncGenerator<RunEvent, void, undefined> {
  let last: RunEvent | undefined;
  for await (const message of parseServerSentEvents(stream, options)) {
    const type = message.event ?? 'message';
    if (!isRunEventType(type)) continue;
    const event = parseRunEvent(type, message.data);
    last = event;
    yield event;
    if (event.type === 'run-end') return;
  }
  throw new EventStreamError('incomplete_stream', 'The run stream ended before its run-end event.', {
    lastSeq: last?.seq ?? null,
  });
}

function parseRunEvent(type: string, data: string): RunEvent {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new EventStreamError('invalid_event', `The data of a ${type} event is not JSON.`, { type });
  }
  const result = runEventSchema.safeParse(json);
  if (!result.success) {
    const issues = validationIssues(result.error);
    throw new EventStreamError('invalid_event', `A ${type} event does not match its schema.`, {
      type,
      issues,
    });
  }
  if (result.data.type !== type) {
    throw new EventStreamError(
      'invalid_event',
      `An SSE event named ${type} holds a ${result.data.type} event.`,
      {
        type,
      },
    );
  }
  return result.data;
}
