import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.ts';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('retryAfterMs', () => {
  it('reads seconds, fractions rounded up to whole milliseconds', () => {
    expect(retryAfterMs({ 'retry-after': '1' }, now)).toBe(1_000);
    expect(retryAfterMs({ 'retry-after': '0.0015' }, now)).toBe(2);
    expect(retryAfterMs({ 'Retry-After': ' 30 ' }, now)).toBe(30_000);
  });

  it('reads an HTTP date as the time until then, never negative', () => {
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5_000);
    expect(retryAfterMs({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, now)).toBe(0);
  });

  it('takes the longer of Retry-After and Retry-After-Ms', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250' }, now)).toBe(250);
    expect(retryAfterMs({ 'retry-after': '1', 'retry-after-ms': '1500' }, now)).toBe(1_500);
    expect(retryAfterMs({ 'retry-after': '2', 'retry-after-ms': '1500' }, now)).toBe(2_000);
  });

  it('ignores missing and unreadable values', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon', 'retry-after-ms': '-5' }, now)).toBeUndefined();
  });
});
