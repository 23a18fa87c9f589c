/** Where the widget keeps what must survive a reload: the visitor's conversation with one app. */
export interface ConversationStorage {
  load(): string | null;
  save(conversationId: string): void;
  clear(): void;
}

/** Only the parts of `Storage` used here, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The conversation id in the visitor's `localStorage`, one entry per app. Storage can be missing or
 * throw (privacy modes, sandboxed frames); then the thread simply does not survive a reload.
 * @example conversationStorage(() => window.localStorage, 'app_1').load()
 */
export function conversationStorage(storage: () => KeyValueStorage, appId: string): ConversationStorage {
  const key = `edgeflow-widget:${appId}:conversation`;
  const attempt = <T>(work: (store: KeyValueStorage) => T, fallback: T): T => {
    try {
      return work(storage());
    } catch {
      return fallback;
    }
  };
  return {
    load: () => attempt((store) => store.getItem(key), null),
    save: (conversationId) => attempt((store) => store.setItem(key, conversationId), undefined),
    clear: () => attempt((store) => store.removeItem(key), undefined),
  };
}
