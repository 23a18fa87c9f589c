/** One `data:` event of a server-sent event stream, stamped when it reached the client. */
export interface ReceivedEvent {
  readonly data: string;
  /** `performance.now()` when the bytes holding the event arrived. */
  readonly receivedAt: number;
}

/**
 * Yields the `data:` events of a streaming response as they arrive, for tests that measure the gaps
 * between them. Rejects, after yielding what came, when the connection is cut mid-stream.
 */
export async function* readServerSentEvents(response: Response): AsyncGenerator<ReceivedEvent> {
  if (response.body === null) throw new Error('response has no body');
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const bytes = chunk.value;
    const receivedAt = performance.now();
    buffered += decoder.decode(bytes, { stream: true });
    let boundary = buffered.indexOf('\n\n');
    while (boundary !== -1) {
      const event = buffered.slice(0, boundary);
      buffered = buffered.slice(boundary + 2);
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data.length > 0) yield { data, receivedAt };
      boundary = buffered.indexOf('\n\n');
    }
  }
}
