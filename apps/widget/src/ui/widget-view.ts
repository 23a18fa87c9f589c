import type { Strings } from '../options/strings.ts';
import type { WidgetSettings } from '../options/widget-settings.ts';
import type { ChatSnapshot, Notice } from '../state/chat-session.ts';
import { icon } from './icons.ts';
import { MessageList } from './message-list.ts';
import { styles } from './styles.ts';

export interface ViewHandlers {
  readonly toggle: (open: boolean) => void;
  readonly submit: () => void;
}

function create<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  properties: Partial<Record<'className' | 'id' | 'type', string>> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), properties);
}

/** The visitor-facing sentence for a notice. */
export function noticeText(notice: Notice, strings: Strings): string {
  switch (notice.kind) {
    case 'rate-limited':
      return strings.rateLimited.replace('{wait}', strings.wait(notice.retryAfterSeconds));
    case 'refused':
      return strings.refused;
    case 'unavailable':
      return strings.unavailable;
    case 'not-found':
      return strings.notFound;
    case 'rejected':
      return strings.rejected.replace('{message}', notice.message);
    case 'interrupted':
      return strings.interrupted;
    case 'run-failed':
      return strings.runFailed;
  }
}

/**
 * The launcher and the chat panel in a shadow root on `<edgeflow-widget>`, with every label a screen
 * reader needs. It only draws: what happens on open, close and send is the handlers' business.
 */
export class WidgetView {
  readonly host: HTMLElement;
  readonly root: HTMLDivElement;
  readonly launcher: HTMLButtonElement;
  readonly panel: HTMLElement;
  readonly input: HTMLTextAreaElement;
  readonly #send: HTMLButtonElement;
  readonly #title: HTMLHeadingElement;
  readonly #greeting: HTMLDivElement;
  readonly #log: HTMLDivElement;
  readonly #notice: HTMLParagraphElement;
  readonly #messages: MessageList;

  constructor(
    document: Document,
    readonly strings: Strings,
    handlers: ViewHandlers,
  ) {
    this.host = document.createElement('edgeflow-widget');
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = create(document, 'style');
    style.textContent = styles;
    this.root = create(document, 'div', { className: 'root' });

    this.launcher = create(document, 'button', { className: 'launcher', type: 'button' });
    this.launcher.setAttribute('aria-controls', 'panel');
    this.launcher.append(icon(document, 'chat'));
    this.launcher.addEventListener('click', () => handlers.toggle(this.panel.hidden));

    this.panel = create(document, 'section', { className: 'panel', id: 'panel' });
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-labelledby', 'title');
    this.panel.hidden = true;
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') handlers.toggle(false);
    });

    const header = create(document, 'div', { className: 'header' });
    this.#title = create(document, 'h2', { className: 'title', id: 'title' });
    const close = create(document, 'button', { className: 'close', type: 'button' });
    close.setAttribute('aria-label', strings.closeChat);
    close.append(icon(document, 'close'));
    close.addEventListener('click', () => handlers.toggle(false));
    header.append(this.#title, close);

    this.#log = create(document, 'div', { className: 'log' });
    this.#log.setAttribute('role', 'log');
    this.#log.setAttribute('aria-label', strings.messages);
    this.#log.tabIndex = 0;
    this.#greeting = create(document, 'div', { className: 'message assistant' });
    this.#log.append(this.#greeting);
    this.#messages = new MessageList(this.#log, strings);

    this.#notice = create(document, 'p', { className: 'notice' });
    this.#notice.setAttribute('role', 'alert');
    this.#notice.hidden = true;

    const composer = create(document, 'form', { className: 'composer' });
    this.input = create(document, 'textarea', { className: 'input' });
    this.input.rows = 1;
    this.input.placeholder = strings.placeholder;
    this.input.setAttribute('aria-label', strings.messageLabel);
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter is a new line; Enter that confirms an IME composition (e.g. pinyin) is neither.
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      handlers.submit();
    });
    this.#send = create(document, 'button', { className: 'send', type: 'submit' });
    this.#send.setAttribute('aria-label', strings.send);
    this.#send.append(icon(document, 'send'));
    composer.append(this.input, this.#send);
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      handlers.submit();
    });

    this.panel.append(header, this.#log, this.#notice, composer);
    this.root.append(this.launcher, this.panel);
    shadow.append(style, this.root);
    this.setOpen(false);
  }

  apply(settings: WidgetSettings): void {
    this.root.dataset.position = settings.position;
    this.root.dataset.theme = settings.theme;
    this.root.style.setProperty('--accent', settings.color);
    this.root.style.setProperty('--on-accent', settings.colorText);
    this.#title.textContent = settings.title;
    this.#greeting.textContent = settings.greeting;
  }

  setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.root.toggleAttribute('data-open', open);
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? this.strings.closeChat : this.strings.openChat);
  }

  render(snapshot: ChatSnapshot): void {
    const log = this.#log;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    this.#messages.update(snapshot.messages);
    this.#send.disabled = snapshot.busy;
    this.#notice.hidden = snapshot.notice === null;
    this.#notice.textContent = snapshot.notice ? noticeText(snapshot.notice, this.strings) : '';
    if (atBottom) log.scrollTop = log.scrollHeight;
  }
}
