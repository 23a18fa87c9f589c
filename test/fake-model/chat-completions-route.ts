import type { BehaviourBook } from './behaviour-book.ts';
import { streamReply } from './chat-completion-stream.ts';
import { type CompletionIdentity, completionObject } from './chat-completion-wire.ts';
import { parseChatRequest } from './chat-request.ts';
import { type Exchange, sendJson } from './http-exchange.ts';
import { openAiError } from './openai-error.ts';
import { planReply } from './reply-plan.ts';
import { answerScriptedFailure, dropConnection, pause } from './scripted-failure.ts';

/** `POST /v1/chat/completions`, streaming or not, as the model's next behaviour says. */
export async function handleChatCompletions(exchange: Exchange, book: BehaviourBook): Promise<void> {
  const parsed = parseChatRequest(exchange.body);
  if (!parsed.ok) {
    sendJson(exchange, 400, openAiError(parsed.message, 'invalid_request_error', null, parsed.param));
    return;
  }
  const request = parsed.value;
  const behaviour = book.take(request.model);
  if (await answerScriptedFailure(exchange, behaviour)) return;
  const plan = planReply(request, behaviour, exchange.sequence);
  const identity: CompletionIdentity = {
    id: `chatcmpl-fake-${exchange.sequence}`,
    created: Math.floor(Date.now() / 1000),
    model: request.model,
  };
  if (request.stream) {
    await streamReply(exchange, identity, plan, behaviour, request.includeUsage);
    return;
  }
  // A non-streaming reply takes as long as streaming it would have, then arrives whole.
  const dropAfter = behaviour.dropAfterTokens;
  const generated = Math.min(plan.deltas.length, dropAfter ?? plan.deltas.length);
  await pause(
    generationMs(behaviour.firstTokenLatencyMs, behaviour.interTokenDelayMs, generated),
    exchange.signal,
  );
  if (dropAfter !== undefined) {
    dropConnection(exchange);
    return;
  }
  sendJson(exchange, 200, completionObject(identity, plan));
}

function generationMs(firstTokenMs = 0, interTokenMs = 0, tokens = 0): number {
  return firstTokenMs + interTokenMs * Math.max(tokens - 1, 0);
}
