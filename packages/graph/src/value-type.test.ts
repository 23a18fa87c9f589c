import { describe, expect, it } from 'vitest';
import { declarableTypes, isAssignable, typeOfValue, valueTypes } from './index.ts';

describe('isAssignable', () => {
  it('accepts the same type, and any in either place', () => {
    for (const actual of valueTypes) {
      for (const expected of valueTypes) {
        expect(isAssignable(actual, expected)).toBe(
          actual === expected || actual === 'any' || expected === 'any',
        );
      }
    }
  });
});

describe('typeOfValue', () => {
  it.each([
    ['text', 'string'],
    ['', 'string'],
    [0, 'number'],
    [-1.5, 'number'],
    [false, 'boolean'],
    [{}, 'object'],
    [{ length: 1 }, 'object'],
    [[], 'array'],
    [[1, 2], 'array'],
    [null, 'null'],
    [undefined, 'null'],
  ] as const)('%j is %s', (value, type) => {
    expect(typeOfValue(value)).toBe(type);
  });

  it('names only declarable types or null', () => {
    expect([...declarableTypes, 'null']).toContain(typeOfValue(Object.create(null)));
  });
});
