import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** One request being answered, with the signal that aborts when the client leaves or the server closes. */
export interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** The parsed JSON body; undefined for requests without one. */
  readonly body: unknown;
  readonly signal: AbortSignal;
  /** The request's number on this server, from 1; used in ids. */
  readonly sequence: number;
}

/** Headers every answer carries: `openai` exposes `x-request-id` as `_request_id`. */
export function baseHeaders(exchange: Exchange): OutgoingHttpHeaders {
  return { 'x-request-id': `req_fake_${exchange.sequence}` };
}

export function sendJson(
  exchange: Exchange,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  // A string body is sent as is, so a test can script a body that is not JSON.
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  exchange.response.writeHead(status, {
    ...baseHeaders(exchange),
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  exchange.response.end(text);
}

// Large enough for any prompt a test sends, small enough that a runaway test fails fast.
const largestBodyBytes = 32 * 1024 * 1024;

/** The request body as text; rejects past 32 MiB. */
export async function readBodyText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > largestBodyBytes) throw new RangeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
