import { once } from 'node:events';
import {
  type CompletionIdentity,
  completionChunk,
  roleDelta,
  usageChunk,
  wireDelta,
} from './chat-completion-wire.ts';
import type { FakeModelBehaviour } from './fake-model-behaviour.ts';
import { baseHeaders, type Exchange } from './http-exchange.ts';
import type { ReplyPlan } from './reply-plan-types.ts';
import { dropConnection, pause } from './scripted-failure.ts';

/**
 * Streams a planned reply as OpenAI server-sent events: headers and the role chunk at once, each
 * delta after its delay, then the finish chunk, the usage chunk when asked for, and `data: [DONE]`.
 * Every write goes straight to the socket (Node's server disables Nagle), so gaps are real gaps.
 */
export async function streamReply(
  exchange: Exchange,
  identity: CompletionIdentity,
  plan: ReplyPlan,
  behaviour: FakeModelBehaviour,
  includeUsage: boolean,
): Promise<void> {
  const { response, signal } = exchange;
  response.writeHead(200, {
    ...baseHeaders(exchange),
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  // A slow reader (a benchmark client, say) makes the writes wait instead of piling up in memory.
  const send = async (event: unknown): Promise<void> => {
    if (!response.write(`data: ${JSON.stringify(event)}\n\n`)) await once(response, 'drain', { signal });
  };
  await send(completionChunk(identity, roleDelta(plan), null, includeUsage));
  const dropAfter = behaviour.dropAfterTokens;
  for (const [index, delta] of plan.deltas.entries()) {
    if (index === dropAfter) {
      dropConnection(exchange);
      return;
    }
    await pause(index === 0 ? behaviour.firstTokenLatencyMs : behaviour.interTokenDelayMs, signal);
    await send(completionChunk(identity, wireDelta(delta), null, includeUsage));
  }
  if (plan.deltas.length === 0) await pause(behaviour.firstTokenLatencyMs, signal);
  if (dropAfter !== undefined && dropAfter >= plan.deltas.length) {
    dropConnection(exchange);
    return;
  }
  await send(completionChunk(identity, {}, plan.finishReason, includeUsage));
  if (includeUsage) await send(usageChunk(identity, plan.usage));
  response.end('data: [DONE]\n\n');
}
