import { EventStreamError } from './event-stream-error.ts';

/** One dispatched event of a `text/event-stream`. */
export interface ServerSentEvent {
  /** The last event id seen in the stream so far (it persists across events, as in the spec). */
  readonly id?: string;
  /** The `event` field; absent means the spec's default type `message`. */
  readonly event?: string;
  readonly data: string;
  /** A `retry` field seen since the previous event, in milliseconds. */
  readonly retry?: number;
}

export interface ServerSentEventDecoderOptions {
  /** Longest line and longest event data, in UTF-16 code units; more throws `event_too_large`. */
  readonly maxEventLength?: number;
}

// Large enough for a run-end carrying a long document, small enough that a hostile server cannot
// grow the buffer without bound.
const defaultMaxEventLength = 16 * 1024 * 1024;

const digits = /^[0-9]+$/;

/**
 * Decodes text (already UTF-8 decoded) into events per the WHATWG `text/event-stream` rules: CRLF, LF
 * and CR line ends, split anywhere between calls to `push`; comments and unknown fields ignored.
 * @example new ServerSentEventDecoder().push('event: ping\ndata: 1\n\n') // [{ event: 'ping', data: '1' }]
 */
export class ServerSentEventDecoder {
  readonly #maxLength: number;
  readonly #lineBreak = /\r\n|\r|\n/g;
  #line = '';
  #skipLineFeed = false;
  #data = '';
  #eventType = '';
  #lastEventId = '';
  #retry: number | undefined;

  constructor(options: ServerSentEventDecoderOptions = {}) {
    this.#maxLength = options.maxEventLength ?? defaultMaxEventLength;
  }

  /** Feeds more text; answers the events it completes, in order. */
  push(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let position = 0;
    if (this.#skipLineFeed && text.length > 0) {
      // The previous text ended in CR: an LF here is the second half of that CRLF, not a blank line.
      this.#skipLineFeed = false;
      if (text.startsWith('\n')) position = 1;
    }
    const lineBreak = this.#lineBreak;
    lineBreak.lastIndex = position;
    for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
      const line = this.#line + text.slice(position, match.index);
      this.#line = '';
      this.#checkLength(line.length);
      const event = this.#processLine(line);
      if (event !== undefined) events.push(event);
      position = match.index + match[0].length;
      if (match[0] === '\r' && position === text.length) this.#skipLineFeed = true;
    }
    this.#line += text.slice(position);
    this.#checkLength(this.#line.length);
    return events;
  }

  #processLine(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#eventType = value;
        break;
      case 'data':
        this.#data += `${value}\n`;
        this.#checkLength(this.#data.length);
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastEventId = value;
        break;
      case 'retry':
        if (digits.test(value)) this.#retry = Number(value);
        break;
      default:
        break;
    }
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const data = this.#data;
    const eventType = this.#eventType;
    this.#data = '';
    this.#eventType = '';
    if (data === '') return undefined;
    const retry = this.#retry;
    this.#retry = undefined;
    return {
      data: data.slice(0, -1),
      ...(eventType === '' ? {} : { event: eventType }),
      ...(this.#lastEventId === '' ? {} : { id: this.#lastEventId }),
      ...(retry === undefined ? {} : { retry }),
    };
  }

  #checkLength(length: number): void {
    if (length > this.#maxLength) {
      throw new EventStreamError(
        'event_too_large',
        `An event or line is longer than ${this.#maxLength} characters.`,
        {
          maxEventLength: this.#maxLength,
        },
      );
    }
  }
}
