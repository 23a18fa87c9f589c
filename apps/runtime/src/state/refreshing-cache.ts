/**
 * A small per-isolate cache that keeps the database off the hot path: an entry is served as is while
 * fresh, served and refreshed in the background once it nears its TTL (so steady traffic never waits),
 * and awaited only when older than the TTL. The TTL is therefore a hard bound on staleness.
 */
export class RefreshingCache<Value> {
  private readonly entries = new Map<
    string,
    { value: Value; loadedAt: number; refreshing?: Promise<unknown> }
  >();

  constructor(
    private readonly options: {
      ttlMs: number;
      refreshAfterMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * The cached value for `key`, loading it with `load` when missing or expired; `background` receives
   * refreshes to keep alive past the response (the Worker's `waitUntil`).
   */
  async get(
    key: string,
    load: () => Promise<Value>,
    background: (work: Promise<unknown>) => void,
  ): Promise<Value> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.loadedAt : Number.POSITIVE_INFINITY;
    if (entry && age < this.options.ttlMs) {
      if (age >= this.options.refreshAfterMs && !entry.refreshing) {
        entry.refreshing = load()
          .then((value) => this.set(key, value))
          .catch(() => {
            // Keep serving the entry until it expires; the next miss will surface the error.
            entry.refreshing = undefined as never;
          });
        background(entry.refreshing);
      }
      return entry.value;
    }
    const value = await load();
    this.set(key, value);
    return value;
  }

  /** The cached value, fresh or not, without loading anything. */
  peek(key: string): Value | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: Value): void {
    if (!this.entries.has(key) && this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, loadedAt: this.now() });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches, e.g. all cached lookups of a revoked key. */
  deleteWhere(matches: (value: Value) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
