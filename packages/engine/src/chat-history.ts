import type { ModelMessage } from './ports/model-port.ts';

/** A prior turn of the conversation, oldest first. */
export interface ChatTurn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/**
 * The messages a model node sees: the last `turns` user/assistant pairs of the history, then the prompt.
 * Malformed turns are dropped rather than sent.
 */
export function chatMessages(history: readonly ChatTurn[], turns: number, prompt: string): ModelMessage[] {
  const messages: ModelMessage[] = [];
  if (turns > 0 && history.length > 0) {
    const recent = history.slice(-turns * 2);
    for (const turn of recent) {
      if ((turn.role === 'user' || turn.role === 'assistant') && typeof turn.content === 'string') {
        messages.push({ role: turn.role, content: turn.content });
      }
    }
  }
  messages.push({ role: 'user', content: prompt });
  return messages;
}
