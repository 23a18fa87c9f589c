import { type RequestFailure, RequestFailureError } from '../api/request-failure.ts';
import type { WidgetRunEvent } from '../api/run-event.ts';
import type { WidgetApi } from '../api/widget-api.ts';
import type { VisitorStorage } from './visitor-storage.ts';

export interface ChatMessage {
  readonly id: number;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  /** `streaming` while the answer is arriving; `failed` when it stopped without one. */
  readonly state: 'done' | 'streaming' | 'failed';
}

/** What the visitor is told above the message box. */
export type Notice = RequestFailure | { readonly kind: 'interrupted' | 'run-failed' };

export interface ChatSnapshot {
  readonly messages: readonly ChatMessage[];
  /** A message is being answered; sending another waits. */
  readonly busy: boolean;
  readonly notice: Notice | null;
}

/** `sent`: the runtime took the message. `failed`: it did not, so the text goes back to the visitor. */
export type SendOutcome = 'sent' | 'failed' | 'busy' | 'empty';

function failureOf(error: unknown): RequestFailure {
  return error instanceof RequestFailureError ? error.failure : { kind: 'unavailable' };
}

/**
 * One visitor's thread with one app, without any DOM: sends messages, applies the streamed run
 * events, remembers the conversation id and restores the thread after a reload. Every change is
 * reported to `onChange` as a new snapshot.
 * @example const session = new ChatSession(api, storage, render); await session.restore(); await session.send('Hi');
 */
export class ChatSession {
  #messages: ChatMessage[] = [];
  #busy = false;
  #notice: Notice | null = null;
  #nextId = 1;

  constructor(
    private readonly api: WidgetApi,
    private readonly storage: VisitorStorage,
    private readonly onChange: (snapshot: ChatSnapshot) => void,
  ) {}

  get snapshot(): ChatSnapshot {
    return { messages: this.#messages, busy: this.#busy, notice: this.#notice };
  }

  /** Brings back the stored conversation's messages; a conversation the runtime no longer knows is forgotten. */
  async restore(): Promise<void> {
    const conversationId = this.storage.load();
    if (conversationId === null) return;
    try {
      const messages = await this.api.messages(conversationId);
      if (this.#messages.length > 0) return;
      this.#messages = messages.map((message) => this.#message(message.role, message.content, 'done'));
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind === 'not-found') this.storage.clear();
      else this.#notice = failure;
    }
    this.#changed();
  }

  /** Shows a notice that did not come from a send, e.g. the launcher's configuration being refused. */
  report(notice: Notice): void {
    this.#notice = notice;
    this.#changed();
  }

  async send(text: string): Promise<SendOutcome> {
    const query = text.trim();
    if (query === '') return 'empty';
    if (this.#busy) return 'busy';
    this.#busy = true;
    const question = this.#message('user', query, 'done');
    this.#messages = [...this.#messages, question];
    this.#changed();
    let events: AsyncIterable<WidgetRunEvent>;
    try {
      events = await this.#start(query);
    } catch (error) {
      this.#messages = this.#messages.filter((message) => message !== question);
      this.#busy = false;
      this.#notice = failureOf(error);
      this.#changed();
      return 'failed';
    }
    this.#notice = null;
    await this.#answer(events);
    return 'sent';
  }

  async #start(query: string): Promise<AsyncIterable<WidgetRunEvent>> {
    const conversationId = this.storage.load();
    try {
      return await this.api.run(query, conversationId);
    } catch (error) {
      // The stored conversation is gone (deleted, or the app was recreated): start a new one.
      if (conversationId === null || failureOf(error).kind !== 'not-found') throw error;
      this.storage.clear();
      return this.api.run(query, null);
    }
  }

  async #answer(events: AsyncIterable<WidgetRunEvent>): Promise<void> {
    let answer = this.#message('assistant', '', 'streaming');
    const update = (text: string, state: ChatMessage['state']) => {
      const next = { ...answer, text, state };
      this.#messages = this.#messages.map((message) => (message === answer ? next : message));
      answer = next;
      this.#changed();
    };
    this.#messages = [...this.#messages, answer];
    this.#changed();
    try {
      for await (const event of events) {
        if (event.type === 'run-start' && event.conversationId) this.storage.save(event.conversationId);
        else if (event.type === 'text-delta') update(answer.text + event.delta, 'streaming');
        else if (event.type === 'run-end') {
          const text = event.answer ?? answer.text;
          if (event.status === 'failed') this.#notice = { kind: 'run-failed' };
          update(text, event.status === 'failed' && text === '' ? 'failed' : 'done');
        }
      }
    } catch {
      this.#notice = { kind: 'interrupted' };
      update(answer.text, 'failed');
    } finally {
      this.#busy = false;
      this.#changed();
    }
  }

  #message(role: ChatMessage['role'], text: string, state: ChatMessage['state']): ChatMessage {
    const message = { id: this.#nextId, role, text, state };
    this.#nextId += 1;
    return message;
  }

  #changed(): void {
    this.onChange(this.snapshot);
  }
}
