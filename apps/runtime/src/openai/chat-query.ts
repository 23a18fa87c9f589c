import type { ChatCompletionMessage } from '@edgeflow/api';
import type { ChatTurn } from '@edgeflow/engine';
import { ApiError } from '../http/api-error.ts';

/** The text of a message: a string, or the `text` parts of an array joined (other parts are ignored). */
function textOf(message: ChatCompletionMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

/**
 * The query and history of a Chat Completions request: the last `user` message is the query, the
 * `user` and `assistant` messages before it are the history (empty ones dropped); `system`,
 * `developer` and `tool` messages, and anything after the query, are ignored: the published
 * pipeline owns its prompts.
 */
export function chatQuery(messages: readonly ChatCompletionMessage[]): {
  query: string;
  history: ChatTurn[];
} {
  const last = messages.findLastIndex((message) => message.role === 'user');
  const queryMessage = messages[last];
  if (!queryMessage) {
    throw new ApiError(400, 'invalid_request', 'messages must hold at least one message with role user.', {
      param: 'messages',
    });
  }
  const history: ChatTurn[] = [];
  for (const message of messages.slice(0, last)) {
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    const content = textOf(message);
    if (content !== '') history.push({ role: message.role, content });
  }
  return { query: textOf(queryMessage), history };
}
