import type { PublishedApp, VerifiedKey } from '@edgeflow/db';
import type { Plan } from '@edgeflow/graph';
import { RefreshingCache } from './refreshing-cache.ts';

/**
 * Per-isolate caches of what every public run needs, so no awaited D1 read sits on the token path.
 * Documented bound (README, /openapi.json): a revoked key or a new publish takes effect at once on the
 * instance that made the change and within 10 s everywhere else.
 */
export const cacheTtlMs = 10_000;
const refreshAfterMs = 5_000;

/** Presented key (by SHA-256) → what it verifies to, or null for no such key. */
export const keyCache = new RefreshingCache<VerifiedKey | null>({
  ttlMs: cacheTtlMs,
  refreshAfterMs,
  maxEntries: 10_000,
});

export interface CachedPublishedApp {
  readonly published: PublishedApp;
  readonly plan: Plan;
}

/** App id → its latest published version with the compiled plan, or null when unpublished. */
export const publishedCache = new RefreshingCache<CachedPublishedApp | null>({
  ttlMs: cacheTtlMs,
  refreshAfterMs,
  maxEntries: 2_000,
});

/** App id → the origins its live publishable keys allow (CORS preflights carry no key). */
export const appOriginsCache = new RefreshingCache<ReadonlySet<string>>({
  ttlMs: cacheTtlMs,
  refreshAfterMs,
  maxEntries: 2_000,
});

/**
 * `appId:day` → the tokens the app used that UTC day, as read from D1 plus what this isolate's runs
 * added since (mutated in place); only apps with a `dailyTokenBudget` are ever loaded.
 */
export const dailyUsageCache = new RefreshingCache<{ tokens: number }>({
  ttlMs: cacheTtlMs,
  refreshAfterMs,
  maxEntries: 2_000,
});
