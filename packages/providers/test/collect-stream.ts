import type { FinishReason, ModelStreamPart, ModelToolCall, PortError, TokenUsage } from '@edgeflow/engine';

/** Everything one `stream()` produced, with when each part arrived (ms since the call). */
export interface CollectedStream {
  readonly parts: readonly ModelStreamPart[];
  readonly deltas: readonly string[];
  readonly text: string;
  readonly toolCalls: readonly ModelToolCall[];
  readonly finish: { readonly finishReason: FinishReason; readonly usage: TokenUsage } | undefined;
  readonly error: PortError | undefined;
  readonly arrivals: readonly number[];
  /** When the stream ended or threw. */
  readonly endedAt: number;
}

/** Reads a model stream to its end; a thrown error is returned, not rethrown. */
export async function collectStream(stream: AsyncIterable<ModelStreamPart>): Promise<CollectedStream> {
  const started = performance.now();
  const parts: ModelStreamPart[] = [];
  const arrivals: number[] = [];
  let error: PortError | undefined;
  try {
    for await (const part of stream) {
      parts.push(part);
      arrivals.push(performance.now() - started);
    }
  } catch (thrown) {
    error = thrown as PortError;
  }
  const deltas = parts.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : []));
  const finishPart = parts.find((part) => part.type === 'finish');
  return {
    parts,
    deltas,
    text: deltas.join(''),
    toolCalls: parts.flatMap((part) =>
      part.type === 'tool-call' ? [{ id: part.id, name: part.name, arguments: part.arguments }] : [],
    ),
    finish:
      finishPart === undefined
        ? undefined
        : { finishReason: finishPart.finishReason, usage: finishPart.usage },
    error,
    arrivals,
    endedAt: performance.now() - started,
  };
}
