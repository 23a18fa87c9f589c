import { describe, expect, it } from 'vitest';
import { chainDocument } from '../document/test-document.ts';
import { parseRunInputs, startInputs } from './run-inputs.ts';

describe('test-run inputs', () => {
  it('come from the start node', () => {
    expect(startInputs(chainDocument()).map((input) => input.name)).toEqual(['query']);
  });

  it('are typed from the form texts', () => {
    const declared = [
      { name: 'q', type: 'string' as const, required: true },
      { name: 'n', type: 'number' as const, required: false },
      { name: 'b', type: 'boolean' as const, required: false },
      { name: 'o', type: 'object' as const, required: false },
    ];
    expect(parseRunInputs(declared, { q: 'hi', n: '4', b: 'true', o: '{"a":1}' })).toEqual({
      inputs: { q: 'hi', n: 4, b: true, o: { a: 1 } },
      invalid: [],
    });
    expect(parseRunInputs(declared, { n: 'x', o: '{' })).toEqual({
      inputs: { b: false },
      invalid: ['n', 'o'],
    });
  });
});
