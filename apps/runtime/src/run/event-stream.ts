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
 * A streaming response fed by `pump`: `send` writes one event at once (events sent in the same turn
 * leave together, at its end). After the client disconnects, sends are dropped but `pump` keeps going,
 * so the run still finishes and is recorded.
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
  // Text written in one turn goes out as one chunk at the end of it (a microtask: no delay). Every chunk
  // costs workerd and each proxy on the way a write of its own; a run's events come in bursts (a
  // node's end and the next one's start, the last node's end and run-end), while each text-delta
  // arrives in a turn of its own and so still leaves the moment it is produced.
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    if (text === '' || !open || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
      lastWrite = Date.now();
    } catch {
      open = false;
    }
  };
  const write = (text: string) => {
    if (!open) return;
    if (pending === '') queueMicrotask(flush);
    pending += text;
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
  const end = () => {
    clearInterval(ping);
    flush();
    if (open) {
      open = false;
      try {
        controller?.close();
      } catch {
        // already closed by the client
      }
    }
  };
  // The stream ends once `pump` has also written the run's record, not at run-end: a caller that sends
  // the next message of a conversation as soon as its stream ends must find this exchange in the history.
  const done = pump((event) => {
    const text = format(event);
    if (text !== '') write(text);
  }).finally(end);
  return {
    response: new Response(stream, {
      status: options.status ?? 200,
      headers: { ...eventStreamHeaders, ...options.headers },
    }),
    done,
  };
}
