import { describe, expect, it } from 'vitest';
import { RequestFailureError } from '../api/request-failure.ts';
import type { WidgetRunEvent } from '../api/run-event.ts';
import type { StoredMessage, WidgetApi } from '../api/widget-api.ts';
import { ChatSession, type ChatSnapshot } from './chat-session.ts';
import { type KeyValueStorage, visitorStorage } from './visitor-storage.ts';

function memoryStorage(): KeyValueStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

async function* events(...list: WidgetRunEvent[]): AsyncGenerator<WidgetRunEvent> {
  yield* list;
}

interface FakeApi extends WidgetApi {
  runs: { query: string; conversationId: string | null }[];
}

function fakeApi(
  run: (query: string, conversationId: string | null) => AsyncIterable<WidgetRunEvent>,
  stored: Record<string, StoredMessage[]> = {},
): FakeApi {
  const runs: FakeApi['runs'] = [];
  return {
    runs,
    config: async () => ({ name: null, greeting: null, primaryColor: null, position: null, mode: null }),
    run: async (query, conversationId) => {
      runs.push({ query, conversationId });
      return run(query, conversationId);
    },
    messages: async (conversationId) => {
      const found = stored[conversationId];
      if (!found) throw new RequestFailureError({ kind: 'not-found' });
      return found;
    },
  };
}

function session(api: WidgetApi, storage = memoryStorage()) {
  const snapshots: ChatSnapshot[] = [];
  const chat = new ChatSession(
    api,
    visitorStorage(() => storage, 'app_1'),
    (snapshot) => snapshots.push(snapshot),
  );
  return { chat, snapshots, storage };
}

const texts = (snapshot: ChatSnapshot | undefined) =>
  snapshot?.messages.map((message) => `${message.role}:${message.text}:${message.state}`);

describe('ChatSession', () => {
  it('shows the question at once, then the answer growing delta by delta, and keeps the conversation id', async () => {
    const api = fakeApi(() =>
      events(
        { type: 'run-start', conversationId: 'conv_1' },
        { type: 'text-delta', delta: 'Hel' },
        { type: 'text-delta', delta: 'lo' },
        { type: 'run-end', status: 'succeeded', answer: 'Hello', errorMessage: null },
      ),
    );
    const { chat, snapshots, storage } = session(api);
    expect(await chat.send('  Hi  ')).toBe('sent');
    expect(snapshots.map(texts)).toEqual([
      ['user:Hi:done'],
      ['user:Hi:done', 'assistant::streaming'],
      ['user:Hi:done', 'assistant:Hel:streaming'],
      ['user:Hi:done', 'assistant:Hello:streaming'],
      ['user:Hi:done', 'assistant:Hello:done'],
      ['user:Hi:done', 'assistant:Hello:done'],
    ]);
    expect(snapshots.map((snapshot) => snapshot.busy)).toEqual([true, true, true, true, true, false]);
    expect(storage.entries.get('edgeflow-widget:app_1:conversation')).toBe('conv_1');
    await chat.send('Again');
    expect(api.runs.at(-1)).toEqual({ query: 'Again', conversationId: 'conv_1' });
  });

  it('takes back a message the runtime refused, so the view can return the text to the visitor', async () => {
    const api = fakeApi(() => {
      throw new RequestFailureError({ kind: 'rate-limited', retryAfterSeconds: 9 });
    });
    const { chat, snapshots } = session(api);
    expect(await chat.send('Hello?')).toBe('failed');
    expect(chat.snapshot).toEqual({
      messages: [],
      busy: false,
      notice: { kind: 'rate-limited', retryAfterSeconds: 9 },
    });
    expect(texts(snapshots[0])).toEqual(['user:Hello?:done']);
  });

  it('refuses a second message while one is answered, and ignores blank ones', async () => {
    let finish: () => void = () => undefined;
    const api = fakeApi(() =>
      (async function* () {
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
        yield { type: 'run-end', status: 'succeeded', answer: 'ok', errorMessage: null } as const;
      })(),
    );
    const { chat } = session(api);
    const first = chat.send('one');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await chat.send('two')).toBe('busy');
    expect(await chat.send('   ')).toBe('empty');
    finish();
    expect(await first).toBe('sent');
    expect(api.runs).toHaveLength(1);
  });

  it('keeps a partial answer and says so when the stream breaks or the run fails', async () => {
    const broken = fakeApi(() =>
      (async function* () {
        yield { type: 'text-delta', delta: 'Part' } as const;
        throw new Error('network lost');
      })(),
    );
    const first = session(broken);
    await first.chat.send('Hi');
    expect(texts(first.chat.snapshot)).toEqual(['user:Hi:done', 'assistant:Part:failed']);
    expect(first.chat.snapshot.notice).toEqual({ kind: 'interrupted' });

    const failed = session(
      fakeApi(() => events({ type: 'run-end', status: 'failed', answer: null, errorMessage: 'model down' })),
    );
    await failed.chat.send('Hi');
    expect(texts(failed.chat.snapshot)).toEqual(['user:Hi:done', 'assistant::failed']);
    expect(failed.chat.snapshot.notice).toEqual({ kind: 'run-failed' });
  });

  it('restores the stored thread after a reload, and forgets a conversation the runtime no longer has', async () => {
    const storage = memoryStorage();
    storage.setItem('edgeflow-widget:app_1:conversation', 'conv_1');
    const stored = {
      conv_1: [{ role: 'user', content: 'Hi' } as const, { role: 'assistant', content: 'Yo' } as const],
    };
    const restored = session(
      fakeApi(() => events(), stored),
      storage,
    );
    await restored.chat.restore();
    expect(texts(restored.chat.snapshot)).toEqual(['user:Hi:done', 'assistant:Yo:done']);

    storage.setItem('edgeflow-widget:app_1:conversation', 'conv_gone');
    const gone = session(
      fakeApi(() => events(), stored),
      storage,
    );
    await gone.chat.restore();
    expect(gone.chat.snapshot.messages).toEqual([]);
    expect(storage.entries.size).toBe(0);
  });

  it('starts a new conversation when the stored one is gone', async () => {
    const storage = memoryStorage();
    storage.setItem('edgeflow-widget:app_1:conversation', 'conv_gone');
    const api = fakeApi((_query, conversationId) => {
      if (conversationId) throw new RequestFailureError({ kind: 'not-found' });
      return events(
        { type: 'run-start', conversationId: 'conv_new' },
        { type: 'run-end', status: 'succeeded', answer: 'ok', errorMessage: null },
      );
    });
    expect(await session(api, storage).chat.send('Hi')).toBe('sent');
    expect(api.runs.map((run) => run.conversationId)).toEqual(['conv_gone', null]);
    expect(storage.entries.get('edgeflow-widget:app_1:conversation')).toBe('conv_new');
  });
});
