import { parseMarkdown, renderMarkdown } from '../markdown/index.ts';
import type { Strings } from '../options/strings.ts';
import type { ChatMessage } from '../state/chat-session.ts';

function typingIndicator(document: Document, strings: Strings): HTMLElement {
  const dots = document.createElement('span');
  dots.className = 'typing';
  dots.setAttribute('role', 'img');
  dots.setAttribute('aria-label', strings.typing);
  dots.append(document.createElement('i'), document.createElement('i'), document.createElement('i'));
  return dots;
}

/** The body of one message: the visitor's text as typed, the assistant's as Markdown. */
function fill(element: HTMLElement, message: ChatMessage, strings: Strings): void {
  const document = element.ownerDocument;
  const label = document.createElement('span');
  label.className = 'sr-only';
  label.textContent = message.role === 'user' ? strings.you : strings.assistant;
  element.className = `message ${message.role}${message.state === 'failed' ? ' failed' : ''}`;
  element.setAttribute('aria-busy', String(message.state === 'streaming'));
  if (message.role === 'user') {
    element.replaceChildren(label, document.createTextNode(message.text));
  } else if (message.text === '') {
    const empty = message.state === 'streaming' ? typingIndicator(document, strings) : strings.noAnswer;
    element.replaceChildren(label, empty);
  } else {
    element.replaceChildren(label, renderMarkdown(document, parseMarkdown(message.text)));
  }
}

/**
 * Keeps a message log in step with the session's messages: new messages are appended, changed ones
 * (the streaming answer) re-rendered, removed ones (a refused question) taken out. Unchanged messages
 * are left alone, so a long thread costs nothing per streamed token.
 */
export class MessageList {
  readonly #shown = new Map<number, { message: ChatMessage; element: HTMLElement }>();

  constructor(
    private readonly log: HTMLElement,
    private readonly strings: Strings,
  ) {}

  update(messages: readonly ChatMessage[]): void {
    const document = this.log.ownerDocument;
    const current = new Set<number>();
    for (const message of messages) {
      current.add(message.id);
      const shown = this.#shown.get(message.id);
      if (shown?.message === message) continue;
      const element = shown?.element ?? document.createElement('div');
      fill(element, message, this.strings);
      if (!shown) this.log.append(element);
      this.#shown.set(message.id, { message, element });
    }
    for (const [id, shown] of this.#shown) {
      if (current.has(id)) continue;
      shown.element.remove();
      this.#shown.delete(id);
    }
  }
}
