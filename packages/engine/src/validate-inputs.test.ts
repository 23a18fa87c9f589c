import { describe, expect, it } from 'vitest';
import { type CancelSignal, validateInputs } from './index.ts';
import { planFrom } from './testing/index.ts';

const plan = planFrom({
  mode: 'workflow',
  nodes: [
    {
      id: 'start',
      type: 'start',
      config: {
        inputs: [
          { name: 'query', type: 'string', required: true },
          { name: 'limit', type: 'number', default: 5 },
          { name: 'tags', type: 'array' },
          { name: 'strict', type: 'boolean', required: true, default: false },
        ],
      },
    },
    { id: 'end', type: 'end', config: { outputs: [{ name: 'q', value: '{{start.query}}' }] } },
  ],
  edges: [['start', 'end']],
});

describe('validateInputs', () => {
  it('applies defaults, keeps declared inputs and drops the rest', () => {
    expect(validateInputs(plan, { query: 'hi', extra: 1 })).toEqual({
      ok: true,
      values: { query: 'hi', limit: 5, strict: false },
    });
    expect(validateInputs(plan, { query: '', limit: 2, tags: ['a'], strict: true })).toEqual({
      ok: true,
      values: { query: '', limit: 2, tags: ['a'], strict: true },
    });
  });

  it('reports every missing or mistyped input by field', () => {
    expect(validateInputs(plan, { limit: 'many', tags: {}, query: null })).toEqual({
      ok: false,
      issues: [
        { field: 'query', message: '“query” is required.' },
        { field: 'limit', message: '“limit” must be a number, not a string.' },
        { field: 'tags', message: '“tags” must be a array, not a object.' },
      ],
    });
    expect(validateInputs(plan, { query: 'x', limit: Number.POSITIVE_INFINITY }).ok).toBe(false);
  });

  it('refuses inputs that are not an object', () => {
    expect(validateInputs(plan, ['query'])).toEqual({
      ok: false,
      issues: [{ field: '', message: 'The inputs must be a JSON object.' }],
    });
    expect(validateInputs(plan, undefined).ok).toBe(false);
  });

  it('accepts a real AbortSignal as a CancelSignal', () => {
    const signal: CancelSignal = new AbortController().signal;
    expect(signal.aborted).toBe(false);
  });
});
