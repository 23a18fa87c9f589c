import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { appDailyUsage } from './schema.ts';
import { usageWriteColumns, utcDay } from './usage-store.ts';

describe('the daily usage write', () => {
  it('names every column of app_daily_usage (the upsert is plain SQL)', () => {
    const columns = getTableConfig(appDailyUsage).columns.map((column) => column.name);
    expect([...usageWriteColumns].sort()).toEqual(columns.sort());
  });

  it('keys usage by the UTC day', () => {
    expect(utcDay(Date.UTC(2026, 10, 25, 23, 59, 59))).toBe('2026-11-25');
    expect(utcDay(Date.UTC(2026, 10, 26, 0, 0, 0))).toBe('2026-11-26');
  });
});
