import { formatServerSentEvent, pingComment } from '@edgeflow/api';
import type { RunEvent } from '@edgeflow/engine';

/** SSE keep-alive: a `: ping` comment whenever nothing else was sent for this long (API.md: ≤ 15 s). */
export const pingIntervalMs = 10_000;

export const eventStreamHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  // wrangler dev (and proxies) may buffer what they think they can compress; identity keeps each
  // event leaving the moment it is written.
  'content-encoding': 'identity',
  'x-accel-buffering': 'no',
};

/**
 * A streaming response fed by `pump`: `send` writes one event at once; after the client disconnects,
 * sends are dropped but `pump` keeps going, so the run still finishes and is recorded.
 * Returns the response and the promise of the pump (to hand to `waitUntil`).
 */
export function eventStreamResponse(
  pump: (send: (event: RunEvent) => void) => Promise<void>,
  options: {
    headers?: Record<string, string>;
    status?: number;
    /** The text sent for an event ('' sends nothing); run events in API.md's format by default. */
    format?: (event: RunEvent) => string;
  } = {},
): { response: Response; done: Promise<void> } {
  const format = options.format ?? formatServerSentEvent;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let open = true;
  let lastWrite = Date.now();
  const write = (text: string) => {
    if (!open || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
      lastWrite = Date.now();
    } catch {
      open = false;
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      open = false;
    },
  });
  const ping = setInterval(() => {
    if (Date.now() - lastWrite >= pingIntervalMs - 50) write(pingComment);
  }, pingIntervalMs);
  const done = pump((event) => {
    const text = format(event);
    if (text !== '') write(text);
  }).finally(() => {
    clearInterval(ping);
    if (open) {
      open = false;
      try {
        controller?.close();
      } catch {
        // already closed by the client
      }
    }
  });
  return {
    response: new Response(stream, {
      status: options.status ?? 200,
      headers: { ...eventStreamHeaders, ...options.headers },
    }),
    done,
  };
}
