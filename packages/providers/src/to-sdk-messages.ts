import type { ModelMessage, ModelToolCall, ModelToolMessage } from '@edgeflow/engine';
import type { ModelMessage as SdkMessage, ToolCallPart, ToolResultPart } from 'ai';
import { toJsonValue } from './json-value.ts';

/**
 * Our messages in the AI SDK's shape: an assistant's tool calls become `tool-call` parts after its
 * text, and consecutive tool results share one `tool` message (each provider splits them as its
 * API wants; OpenAI sends one `role: tool` message per result).
 */
export function toSdkMessages(messages: readonly ModelMessage[]): SdkMessage[] {
  const result: SdkMessage[] = [];
  for (const message of messages) {
    if (message.role === 'user') {
      result.push({ role: 'user', content: message.content });
    } else if (message.role === 'assistant') {
      const calls = message.toolCalls ?? [];
      if (calls.length === 0) {
        result.push({ role: 'assistant', content: message.content });
        continue;
      }
      const text = message.content === '' ? [] : [{ type: 'text' as const, text: message.content }];
      result.push({ role: 'assistant', content: [...text, ...calls.map(toolCallPart)] });
    } else {
      const part = toolResultPart(message);
      const previous = result.at(-1);
      if (previous?.role === 'tool') previous.content.push(part);
      else result.push({ role: 'tool', content: [part] });
    }
  }
  return result;
}

function toolCallPart(call: ModelToolCall): ToolCallPart {
  return {
    type: 'tool-call',
    toolCallId: call.id,
    toolName: call.name,
    input: parsedArguments(call.arguments),
  };
}

// The port accepts arguments as JSON text too; the SDK encodes `input` itself, so text would be
// sent double-encoded. Unparseable text (a model's broken call) is sent back as the text it was.
function parsedArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function toolResultPart(message: ModelToolMessage): ToolResultPart {
  return {
    type: 'tool-result',
    toolCallId: message.toolCallId,
    toolName: message.toolName,
    output: toolOutput(message),
  };
}

function toolOutput(message: ModelToolMessage): ToolResultPart['output'] {
  const { result } = message;
  if (message.isError === true) {
    return typeof result === 'string'
      ? { type: 'error-text', value: result }
      : { type: 'error-json', value: toJsonValue(result) };
  }
  return typeof result === 'string'
    ? { type: 'text', value: result }
    : { type: 'json', value: toJsonValue(result) };
}
