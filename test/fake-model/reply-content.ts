import type { ChatMessage, ChatRequest } from './chat-request.ts';
import type { FakeModelBehaviour } from './fake-model-behaviour.ts';
import { sampleJsonSchema } from './json-schema-sample.ts';
import { splitIntoTokens, syntheticTokens } from './text-tokens.ts';

/**
 * The reply's content tokens, or null for a reply of tool calls only. First match wins: `tokens`,
 * `text` (both verbatim, even when JSON was asked for, so a test can send broken JSON), `json`,
 * nothing while tool calls are being made, a value synthesised from the requested JSON schema
 * (or `{"reply": …}` for `json_object`), `tokenCount` synthetic tokens, the default reply.
 */
export function replyContentTokens(
  request: ChatRequest,
  behaviour: FakeModelBehaviour,
  makesToolCalls: boolean,
): string[] | null {
  if (behaviour.tokens !== undefined) return [...behaviour.tokens];
  if (behaviour.text !== undefined) return splitIntoTokens(behaviour.text);
  if (behaviour.json !== undefined) return splitIntoTokens(JSON.stringify(behaviour.json));
  if (makesToolCalls) return null;
  const format = request.responseFormat;
  if (format.type === 'json_schema') return splitIntoTokens(JSON.stringify(sampleJsonSchema(format.schema)));
  if (format.type === 'json_object') {
    return splitIntoTokens(JSON.stringify({ reply: defaultReplyText(request.messages) }));
  }
  if (behaviour.tokenCount !== undefined) return syntheticTokens(behaviour.tokenCount);
  return splitIntoTokens(defaultReplyText(request.messages));
}

/**
 * Derived from the conversation so multi-turn tests can tell turns apart: the answer to a tool result
 * quotes the result, any other answer quotes the last user message.
 */
export function defaultReplyText(messages: readonly ChatMessage[]): string {
  const last = messages.at(-1);
  if (last?.role === 'tool') return `Fake reply to tool result: ${last.text}`;
  const lastUser = messages.findLast((message) => message.role === 'user');
  return lastUser === undefined ? 'Fake reply.' : `Fake reply to: ${lastUser.text}`;
}
