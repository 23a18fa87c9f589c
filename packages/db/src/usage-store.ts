import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './database.ts';
import { appDailyUsage, type UsageRecord } from './schema.ts';

/**
 * The UTC day of a time, as the usage table keys it.
 * @example utcDay(Date.UTC(2026, 10, 25, 23, 59)) // '2026-11-25'
 */
export const utcDay = (milliseconds: number) => new Date(milliseconds).toISOString().slice(0, 10);

/** Tokens per app and UTC day (daily budgets). */
export function createUsageStore(db: Database) {
  return {
    /** The statement that adds one run's usage to its app's day (to batch with the run's end). */
    addStatement(appId: string, day: string, usage: UsageRecord): BatchItem<'sqlite'> {
      return db
        .insert(appDailyUsage)
        .values({ appId, day, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, runs: 1 })
        .onConflictDoUpdate({
          target: [appDailyUsage.appId, appDailyUsage.day],
          set: {
            inputTokens: sql`${appDailyUsage.inputTokens} + excluded.input_tokens`,
            outputTokens: sql`${appDailyUsage.outputTokens} + excluded.output_tokens`,
            runs: sql`${appDailyUsage.runs} + 1`,
          },
        });
    },

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
