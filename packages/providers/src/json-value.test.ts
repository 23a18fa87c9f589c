import { describe, expect, it } from 'vitest';
import { toJsonValue } from './json-value.ts';

describe('toJsonValue', () => {
  it('keeps what JSON.stringify keeps', () => {
    const value = {
      a: 1,
      b: 'x',
      c: [1, undefined, () => 1],
      d: undefined,
      e: { nested: null },
      f: Number.NaN,
    };
    expect(toJsonValue(value)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(toJsonValue(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(toJsonValue(undefined)).toBeNull();
  });

  it('cuts cycles instead of overflowing', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(toJsonValue(cyclic)).toEqual({ name: 'loop', self: null });
  });
});
