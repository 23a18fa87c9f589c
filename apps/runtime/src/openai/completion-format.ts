import type { ChatCompletion, ChatCompletionChunk, ChatCompletionUsage } from '@edgeflow/api';
import type { RunEnd } from '@edgeflow/db';
import type { RunEvent } from '@edgeflow/engine';
import type { Plan } from '@edgeflow/graph';

/** What every chunk or completion of one run repeats. */
export interface CompletionIdentity {
  readonly id: string;
  readonly created: number;
  readonly model: string;
}

const answerNodesByPlan = new WeakMap<Plan, ReadonlySet<string>>();

/** The ids of the plan's answer nodes, whose text is the assistant's message. */
export function answerNodes(plan: Plan): ReadonlySet<string> {
  let nodes = answerNodesByPlan.get(plan);
  if (!nodes) {
    nodes = new Set(plan.nodes.filter((node) => node.type === 'answer').map((node) => node.id));
    answerNodesByPlan.set(plan, nodes);
  }
  return nodes;
}

export const completionUsage = (usage: RunEnd['usage']): ChatCompletionUsage => ({
  prompt_tokens: usage.inputTokens,
  completion_tokens: usage.outputTokens,
  total_tokens: usage.inputTokens + usage.outputTokens,
});

const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

/**
 * Turns run events into OpenAI stream chunks: the role first, each answer delta as `content`, then
 * `finish_reason: "stop"`, the usage chunk when asked for (`stream_options.include_usage`) and
 * `data: [DONE]`. A run that fails sends OpenAI's in-stream error object instead, which OpenAI clients
 * raise as an error.
 */
export function chunkFormatter(
  identity: CompletionIdentity,
  plan: Plan,
  includeUsage: boolean,
): (event: RunEvent) => string {
  const answers = answerNodes(plan);
  const chunk = (choice: ChatCompletionChunk['choices'][number]): string =>
    data({
      ...identity,
      object: 'chat.completion.chunk',
      choices: [choice],
      ...(includeUsage ? { usage: null } : {}),
    });
  return (event) => {
    switch (event.type) {
      case 'run-start':
        return chunk({ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null });
      case 'text-delta':
        return answers.has(event.nodeId)
          ? chunk({ index: 0, delta: { content: event.delta }, finish_reason: null })
          : '';
      case 'run-end': {
        if (event.status !== 'succeeded') {
          const error = event.error ?? { code: 'run_cancelled', message: 'The run was cancelled.' };
          return data({
            error: { message: error.message, type: 'server_error', param: null, code: error.code },
          });
        }
        const finish = chunk({ index: 0, delta: {}, finish_reason: 'stop' });
        const usage = includeUsage
          ? data({
              ...identity,
              object: 'chat.completion.chunk',
              choices: [],
              usage: completionUsage(event.usage),
            })
          : '';
        return `${finish}${usage}data: [DONE]\n\n`;
      }
      default:
        return '';
    }
  };
}

/** The non-streaming answer of a succeeded run. */
export function chatCompletion(identity: CompletionIdentity, end: RunEnd): ChatCompletion {
  const answer = end.outputs.answer;
  return {
    ...identity,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: typeof answer === 'string' ? answer : String(answer ?? '') },
        finish_reason: 'stop',
      },
    ],
    usage: completionUsage(end.usage),
  };
}
