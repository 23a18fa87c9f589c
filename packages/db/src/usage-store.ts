import { and, eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { appDailyUsage, type UsageRecord } from './schema.ts';

/**
 * The UTC day of a time, as the usage table keys it.
 * @example utcDay(Date.UTC(2026, 10, 25, 23, 59)) // '2026-11-25'
 */
export const utcDay = (milliseconds: number) => new Date(milliseconds).toISOString().slice(0, 10);

/** Columns of the usage upsert, in bind order (usage-store.test.ts compares them with the schema). */
export const usageWriteColumns = ['app_id', 'day', 'input_tokens', 'output_tokens', 'runs'] as const;

const usageUpserts = new WeakMap<D1Database, D1PreparedStatement>();

/**
 * The statement that adds one run's usage to its app's day, for the run's end batch. Plain SQL prepared
 * once per binding, like the run's own writes (run-writes.ts explains why not Drizzle on this path).
 */
export function dailyUsageWrite(
  binding: D1Database,
  appId: string,
  day: string,
  usage: UsageRecord,
): D1PreparedStatement {
  let statement = usageUpserts.get(binding);
  if (!statement) {
    statement = binding.prepare(
      `INSERT INTO app_daily_usage (${usageWriteColumns.join(', ')}) VALUES (?, ?, ?, ?, 1) ` +
        'ON CONFLICT (app_id, day) DO UPDATE SET input_tokens = input_tokens + excluded.input_tokens, ' +
        'output_tokens = output_tokens + excluded.output_tokens, runs = runs + 1',
    );
    usageUpserts.set(binding, statement);
  }
  return statement.bind(appId, day, usage.inputTokens, usage.outputTokens);
}

/** Tokens per app and UTC day (daily budgets). */
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
