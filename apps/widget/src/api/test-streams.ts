/** A body that delivers `chunks` one by one, as a network would (test helper). */
export function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[index];
      index += 1;
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** One run event as the runtime writes it. */
export function sse(seq: number, data: Record<string, unknown>): string {
  return `id: ${seq}\nevent: ${String(data.type)}\ndata: ${JSON.stringify({ runId: 'run_1', seq, ...data })}\n\n`;
}
