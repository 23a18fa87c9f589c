import { describe, expect, it } from 'vitest';
import { type KeyValueStorage, visitorStorage } from './visitor-storage.ts';

function memoryStorage(): KeyValueStorage {
  const entries = new Map<string, string>();
  return {
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

describe('visitorStorage', () => {
  it('makes a visitor id once per app and keeps it; an id the runtime would refuse is replaced', () => {
    const storage = memoryStorage();
    const id = visitorStorage(() => storage, 'app_1').visitorId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(visitorStorage(() => storage, 'app_1').visitorId()).toBe(id);
    expect(visitorStorage(() => storage, 'app_2').visitorId()).not.toBe(id);
    storage.setItem('edgeflow-widget:app_1:visitor', 'short');
    expect(visitorStorage(() => storage, 'app_1').visitorId()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('works without storage (blocked by the browser): the thread just does not survive a reload', async () => {
    const blocked = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const storage = visitorStorage(blocked, 'app_1');
    expect(storage.load()).toBeNull();
    expect(() => storage.save('conv_1')).not.toThrow();
  });

  it('keeps one id for the page when storage is blocked', () => {
    const blocked = visitorStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    }, 'app_1');
    expect(blocked.visitorId()).toBe(blocked.visitorId());
  });

  it('keeps an unsent draft per app until it is emptied', () => {
    const storage = memoryStorage();
    const first = visitorStorage(() => storage, 'app_1');
    expect(first.loadDraft()).toBe('');
    first.saveDraft('half a questi');
    expect(visitorStorage(() => storage, 'app_1').loadDraft()).toBe('half a questi');
    expect(visitorStorage(() => storage, 'app_2').loadDraft()).toBe('');
    first.saveDraft('');
    expect(visitorStorage(() => storage, 'app_1').loadDraft()).toBe('');
  });
});
