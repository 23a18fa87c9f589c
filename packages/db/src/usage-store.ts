import { and, eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { appDailyUsage } from './schema.ts';

/**
 * The UTC day of a time, as the usage table keys it.
 * @example utcDay(Date.UTC(2026, 10, 25, 23, 59)) // '2026-11-25'
 */
export const utcDay = (milliseconds: number) => new Date(milliseconds).toISOString().slice(0, 10);

/** Tokens per app and UTC day (daily budgets); each run adds its own in its end batch (run-writes.ts). */
export function createUsageStore(db: Database) {
  return {
    /** Input plus output tokens the app used on `day` (0 when it did not run). */
    async tokensOn(appId: string, day: string): Promise<number> {
      const row = await db
        .select({ input: appDailyUsage.inputTokens, output: appDailyUsage.outputTokens })
        .from(appDailyUsage)
        .where(and(eq(appDailyUsage.appId, appId), eq(appDailyUsage.day, day)))
        .get();
      return row ? row.input + row.output : 0;
    },
  };
}

export type UsageStore = ReturnType<typeof createUsageStore>;
