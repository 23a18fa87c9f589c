import type { FinishReason, ReplyDelta, ReplyPlan, ReplyUsage } from './reply-plan-types.ts';

/** The fields every completion object and chunk of one reply share. */
export interface CompletionIdentity {
  readonly id: string;
  readonly created: number;
  readonly model: string;
}

// Real responses carry these; some clients read them, none should choke on them.
const systemFingerprint = 'fp_fake';

function wireUsage(usage: ReplyUsage): Record<string, unknown> {
  return {
    ...usage,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

/** The `chat.completion` object of a non-streaming reply. */
export function completionObject(identity: CompletionIdentity, plan: ReplyPlan): Record<string, unknown> {
  const toolCalls = plan.toolCalls.map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: systemFingerprint,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: plan.content,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: plan.finishReason,
      },
    ],
    usage: wireUsage(plan.usage),
  };
}

/**
 * One `chat.completion.chunk`. With `stream_options.include_usage` every chunk carries `usage: null`
 * and a last chunk with empty `choices` carries the numbers, as OpenAI streams them.
 */
export function completionChunk(
  identity: CompletionIdentity,
  delta: Record<string, unknown>,
  finishReason: FinishReason | null,
  includeUsage: boolean,
): Record<string, unknown> {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: systemFingerprint,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  };
}

export function usageChunk(identity: CompletionIdentity, usage: ReplyUsage): Record<string, unknown> {
  return {
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: systemFingerprint,
    choices: [],
    usage: wireUsage(usage),
  };
}

/** The opening delta: the role, with empty content unless the reply is tool calls only. */
export function roleDelta(plan: ReplyPlan): Record<string, unknown> {
  return { role: 'assistant', content: plan.content === null ? null : '', refusal: null };
}

export function wireDelta(delta: ReplyDelta): Record<string, unknown> {
  switch (delta.kind) {
    case 'content':
      return { content: delta.text };
    case 'tool-call-start':
      return {
        tool_calls: [
          {
            index: delta.index,
            id: delta.id,
            type: 'function',
            function: { name: delta.name, arguments: '' },
          },
        ],
      };
    case 'tool-call-arguments':
      return { tool_calls: [{ index: delta.index, function: { arguments: delta.text } }] };
  }
}
