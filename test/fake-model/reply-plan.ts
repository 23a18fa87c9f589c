import type { ChatRequest } from './chat-request.ts';
import type { FakeModelBehaviour } from './fake-model-behaviour.ts';
import { replyContentTokens } from './reply-content.ts';
import type { FinishReason, PlannedToolCall, ReplyDelta, ReplyPlan } from './reply-plan-types.ts';
import { replyToolCalls } from './reply-tool-calls.ts';
import { countWords, splitIntoPieces } from './text-tokens.ts';

// Tool-call arguments stream in pieces this long, as OpenAI splits them over several chunks.
const argumentPieceLength = 8;

/**
 * Decides the whole reply to a chat request. A `max_tokens`/`max_completion_tokens` smaller than the
 * content cuts it and finishes with `length` (and no tool calls), as OpenAI does.
 * @param sequence The request's number on this server, used in tool-call ids.
 */
export function planReply(request: ChatRequest, behaviour: FakeModelBehaviour, sequence: number): ReplyPlan {
  const plannedCalls = replyToolCalls(request, behaviour, sequence);
  const allTokens = replyContentTokens(request, behaviour, plannedCalls.length > 0);
  const limit = request.maxTokens;
  const truncated = allTokens !== null && limit !== undefined && allTokens.length > limit;
  const tokens = truncated ? allTokens.slice(0, limit) : allTokens;
  const toolCalls = truncated ? [] : plannedCalls;
  const deltas = [...contentDeltas(tokens ?? []), ...toolCallDeltas(toolCalls)];
  const finishReason: FinishReason = truncated ? 'length' : toolCalls.length > 0 ? 'tool_calls' : 'stop';
  const promptTokens = request.messages.reduce((sum, message) => sum + countWords(message.text), 0);
  const promptTokenCount = behaviour.usage?.prompt_tokens ?? promptTokens;
  const completionTokenCount = behaviour.usage?.completion_tokens ?? deltas.length;
  return {
    deltas,
    content: tokens === null ? null : tokens.join(''),
    toolCalls,
    finishReason,
    usage: {
      prompt_tokens: promptTokenCount,
      completion_tokens: completionTokenCount,
      total_tokens: promptTokenCount + completionTokenCount,
    },
  };
}

function contentDeltas(tokens: readonly string[]): ReplyDelta[] {
  return tokens.map((text) => ({ kind: 'content', text }));
}

function toolCallDeltas(calls: readonly PlannedToolCall[]): ReplyDelta[] {
  return calls.flatMap((call, index): ReplyDelta[] => [
    { kind: 'tool-call-start', index, id: call.id, name: call.name },
    ...splitIntoPieces(call.arguments, argumentPieceLength).map(
      (text): ReplyDelta => ({ kind: 'tool-call-arguments', index, text }),
    ),
  ]);
}
