import { describe, expect, it } from 'vitest';
import { utcDay } from './usage-store.ts';

// The day's usage upsert itself is plain SQL in run-writes.ts; run-writes.test.ts checks its columns.
describe('the daily usage day', () => {
  it('keys usage by the UTC day', () => {
    expect(utcDay(Date.UTC(2026, 10, 25, 23, 59, 59))).toBe('2026-11-25');
    expect(utcDay(Date.UTC(2026, 10, 26, 0, 0, 0))).toBe('2026-11-26');
  });
});
