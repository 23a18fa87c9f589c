import { createDatabase, createUsageStore, type RunEnd, utcDay } from '@edgeflow/db';
import type { Env } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { dailyUsageCache } from '../state/caches.ts';

const dayMs = 86_400_000;

/**
 * Refuses a public run once the app's `dailyTokenBudget` is spent: 429 `budget_exhausted` with
 * `Retry-After` until 00:00 UTC. Apps without a budget cost nothing; with one, the day's usage comes
 * from the per-isolate cache (a D1 read only when it is cold, as for keys and published versions).
 */
export async function checkDailyBudget(
  env: Env,
  appId: string,
  settings: Record<string, unknown>,
  waitUntil: (work: Promise<unknown>) => void,
): Promise<void> {
  const budget = settings.dailyTokenBudget;
  if (typeof budget !== 'number') return;
  const now = Date.now();
  const day = utcDay(now);
  const usage = await dailyUsageCache.get(
    `${appId}:${day}`,
    async () => ({ tokens: await createUsageStore(createDatabase(env.DB)).tokensOn(appId, day) }),
    waitUntil,
  );
  if (usage.tokens < budget) return;
  const resetsAt = (Math.floor(now / dayMs) + 1) * dayMs;
  const retryAfter = Math.max(1, Math.ceil((resetsAt - now) / 1000));
  throw new ApiError(
    429,
    'budget_exhausted',
    `This app has used its daily budget of ${budget} tokens; it resets at 00:00 UTC.`,
    { budget, used: usage.tokens, resetsAt: new Date(resetsAt).toISOString(), retryAfterSeconds: retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}

/** After the end batch: this isolate's view of the day includes the run at once. */
export function noteDailyUsage(appId: string, end: RunEnd): void {
  const entry = dailyUsageCache.peek(`${appId}:${utcDay(end.endedAt)}`);
  if (entry) entry.tokens += end.usage.inputTokens + end.usage.outputTokens;
}
