import { elapsedSince } from './elapsed.ts';
import { cancelledError, NodeError, toNodeError } from './node-error.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';
import type { FinishReason, ModelRequest, ModelToolCall } from './ports/model-port.ts';

export interface ModelCallResult {
  readonly text: string;
  readonly toolCalls: readonly ModelToolCall[];
  readonly finishReason: FinishReason;
}

/**
 * Streams one model call: text goes out the moment the port yields it (under the node's id when
 * `stream`, and to answers forwarding it), usage is counted when the port reports it.
 */
export async function streamModel(
  runtime: NodeRuntime,
  request: ModelRequest,
  signal: CancelSignal,
  stream: boolean,
): Promise<ModelCallResult> {
  const port = runtime.run.ports.model;
  if (!port) throw new NodeError('port_unavailable', 'No model provider is configured for this run.', false);
  let text = '';
  const toolCalls: ModelToolCall[] = [];
  let finishReason: FinishReason = 'unknown';
  const clock = runtime.run.clock;
  let tryStarted = clock.now();
  try {
    for await (const part of port.stream(request, signal)) {
      if (signal.aborted) break;
      if (part.type === 'text-delta') {
        if (typeof part.delta !== 'string' || part.delta === '') continue;
        text += part.delta;
        runtime.modelDelta(part.delta, stream);
      } else if (part.type === 'tool-call') {
        toolCalls.push({ id: part.id, name: part.name, arguments: part.arguments });
      } else if (part.type === 'retry') {
        const now = clock.now();
        runtime.recordAttempt({
          number: runtime.nextAttemptNumber(),
          model: request.model,
          status: 'failed',
          error: { code: part.error.code, message: part.error.message },
          elapsedMs: elapsedSince(now, tryStarted),
        });
        tryStarted = now + part.delayMs;
      } else if (part.type === 'finish') {
        finishReason = part.finishReason;
        runtime.addUsage(part.usage);
      }
    }
  } catch (error) {
    // The text the caller already saw stays in the node's trace.
    if (text !== '') runtime.partialOutputs = { text };
    if (signal.aborted) throw toNodeError(signal.reason ?? cancelledError(), 'cancelled');
    throw toNodeError(error, 'model_error');
  }
  if (signal.aborted) throw toNodeError(signal.reason ?? cancelledError(), 'cancelled');
  return { text, toolCalls, finishReason };
}
