export type EventStreamErrorCode = 'event_too_large' | 'invalid_event' | 'incomplete_stream';

/**
 * The one error the SSE parsers throw on their own (a failing underlying stream's error passes
 * through unchanged): an event over the size limit, a run event that is not valid, or a run stream
 * that ended before `run-end`.
 */
export class EventStreamError extends Error {
  override readonly name = 'EventStreamError';
  readonly code: EventStreamErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: EventStreamErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
