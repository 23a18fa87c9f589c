import { describe, expect, it } from 'vitest';
import { utcDay } from './usage-store.ts';

// The upsert's columns are checked with the run's other writes (run-writes.test.ts).
describe('daily usage', () => {
  it('is keyed by the UTC day', () => {
    expect(utcDay(Date.UTC(2026, 10, 25, 23, 59, 59))).toBe('2026-11-25');
    expect(utcDay(Date.UTC(2026, 10, 26, 0, 0, 0))).toBe('2026-11-26');
  });
});
