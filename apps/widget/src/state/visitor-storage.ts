/** What the widget keeps in the visitor's browser for one app: who they are, their conversation, their draft. */
export interface VisitorStorage {
  /**
   * The visitor's random id, made on first use and kept: the runtime scopes conversations to it, so
   * it is the visitor's only credential for their thread (sent as `x-edgeflow-visitor`).
   */
  visitorId(): string;
  load(): string | null;
  save(conversationId: string): void;
  clear(): void;
  /** What the visitor has typed but not sent, so a reload does not lose it. */
  loadDraft(): string;
  saveDraft(text: string): void;
}

/** Only the parts of `Storage` used here, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const visitorIdPattern = /^[A-Za-z0-9_-]{22,128}$/;

/** 24 random bytes as base64url (32 characters); `getRandomValues` also works on plain-http pages, unlike `randomUUID`. */
export function newVisitorId(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/**
 * The visitor's id and conversation in `localStorage`, one pair per app. Storage can be missing or
 * throw (privacy modes, sandboxed frames); then the id lives as long as the page and the thread
 * does not survive a reload.
 * @example visitorStorage(() => window.localStorage, 'app_1').load()
 */
export function visitorStorage(storage: () => KeyValueStorage, appId: string): VisitorStorage {
  const conversationKey = `edgeflow-widget:${appId}:conversation`;
  const visitorKey = `edgeflow-widget:${appId}:visitor`;
  const draftKey = `edgeflow-widget:${appId}:draft`;
  let visitor: string | null = null;
  const attempt = <T>(work: (store: KeyValueStorage) => T, fallback: T): T => {
    try {
      return work(storage());
    } catch {
      return fallback;
    }
  };
  return {
    visitorId() {
      if (visitor !== null) return visitor;
      const stored = attempt((store) => store.getItem(visitorKey), null);
      visitor = stored !== null && visitorIdPattern.test(stored) ? stored : newVisitorId();
      if (visitor !== stored) attempt((store) => store.setItem(visitorKey, visitor ?? ''), undefined);
      return visitor;
    },
    load: () => attempt((store) => store.getItem(conversationKey), null),
    save: (conversationId) => attempt((store) => store.setItem(conversationKey, conversationId), undefined),
    clear: () => attempt((store) => store.removeItem(conversationKey), undefined),
    loadDraft: () => attempt((store) => store.getItem(draftKey), null) ?? '',
    saveDraft: (text) =>
      attempt(
        (store) => (text === '' ? store.removeItem(draftKey) : store.setItem(draftKey, text)),
        undefined,
      ),
  };
}
