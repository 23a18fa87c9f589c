import type { CancelSignal, FinishReason, ModelRequest, ModelStreamPart } from '@edgeflow/engine';
import {
  type LanguageModel,
  type LanguageModelUsage,
  type FinishReason as SdkFinishReason,
  streamText,
} from 'ai';
import { linkAbort } from './linked-abort.ts';
import { cancellationError, ModelError } from './model-error.ts';
import { toSdkTools } from './sdk-tools.ts';
import { outputInstruction, sdkOutput, structuredOutputProviderOptions } from './structured-output.ts';
import { toSdkMessages } from './to-sdk-messages.ts';

/**
 * One `streamText` call, its parts translated: text deltas, tool calls (parsed arguments, or the
 * raw text when the model sent broken JSON), then one `finish`. Errors are thrown as the SDK gave
 * them (the caller maps and retries); a stream that ends without finishing throws too.
 */
export async function* streamAttempt(
  model: LanguageModel,
  request: ModelRequest,
  signal: CancelSignal,
): AsyncGenerator<ModelStreamPart> {
  const abort = linkAbort(signal);
  try {
    const result = streamText({
      model,
      ...promptOf(request),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxTokens === undefined ? {} : { maxOutputTokens: request.maxTokens }),
      ...(request.tools === undefined || request.tools.length === 0
        ? {}
        : { tools: toSdkTools(request.tools) }),
      ...(request.output === undefined
        ? {}
        : { output: sdkOutput(request.output), providerOptions: structuredOutputProviderOptions }),
      abortSignal: abort.signal,
      // Retries are ours (one policy, Retry-After honoured, none after output was delivered).
      maxRetries: 0,
      // Errors reach us as stream parts; the SDK's default handler would also log them.
      onError: () => undefined,
    });
    for await (const part of result.stream) {
      switch (part.type) {
        case 'text-delta':
          if (part.text !== '') yield { type: 'text-delta', delta: part.text };
          break;
        case 'tool-call':
          yield { type: 'tool-call', id: part.toolCallId, name: part.toolName, arguments: part.input };
          break;
        case 'error':
          throw part.error;
        case 'abort':
          throw cancellationError();
        case 'finish':
          if (part.finishReason === 'interrupted') throw endedEarly(request.model);
          yield {
            type: 'finish',
            finishReason: finishReasonOf(part.finishReason),
            usage: usageOf(part.totalUsage),
          };
          return;
        default:
          break;
      }
    }
    throw endedEarly(request.model);
  } finally {
    abort.dispose();
  }
}

function promptOf(request: ModelRequest): {
  instructions?: string;
  messages: ReturnType<typeof toSdkMessages>;
} {
  const parts = [
    request.system,
    request.output === undefined ? undefined : outputInstruction(request.output),
  ];
  const instructions = parts
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join('\n\n');
  return { ...(instructions === '' ? {} : { instructions }), messages: toSdkMessages(request.messages) };
}

function endedEarly(modelId: string): ModelError {
  return new ModelError(
    'model_unavailable',
    `${modelId}: the provider ended the stream before the answer was complete.`,
    {
      retryable: true,
    },
  );
}

function finishReasonOf(reason: SdkFinishReason): FinishReason {
  return reason === 'interrupted' ? 'unknown' : reason;
}

function usageOf(usage: LanguageModelUsage): { inputTokens: number; outputTokens: number } {
  return { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 };
}
