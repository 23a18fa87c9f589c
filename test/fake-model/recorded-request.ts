import type { IncomingHttpHeaders } from 'node:http';

/** A request the fake received, kept for assertions. */
export interface RecordedRequest {
  /** From 1, in arrival order; also in the reply's ids (`chatcmpl-fake-<sequence>`). */
  readonly sequence: number;
  readonly method: string;
  /** Without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** Lower-cased names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  readonly body: unknown;
  readonly rawBody: string;
  /** `Date.now()` when the body had been read. */
  readonly receivedAt: number;
}
