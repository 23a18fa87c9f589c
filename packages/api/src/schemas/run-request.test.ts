import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidRequestError, limits, runRequestSchema } from '../index.ts';

describe('runRequestSchema', () => {
  // SECURITY.md: a public run can never choose the draft, a graph or a config override.
  it.each([
    ['graph', { schema: 'edgeflow/workflow@1', name: 'evil', nodes: [], edges: [] }],
    ['draft', true],
    ['overrides', { llm: { model: 'openai:gpt-4o' } }],
    ['config', { temperature: 2 }],
    ['version', 1],
    ['nodes', []],
  ])('rejects a body that carries %s', (key, value) => {
    const result = runRequestSchema.safeParse({ inputs: { query: 'Hi' }, [key]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: [key] });
  });

  it('rejects any key besides inputs, stream and conversationId', () => {
    const allowed = new Set(['inputs', 'stream', 'conversationId']);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !allowed.has(key) && key !== '__proto__'),
        fc.jsonValue(),
        (key, value) => {
          expect(runRequestSchema.safeParse({ [key]: value }).success).toBe(false);
        },
      ),
    );
  });

  it('answers a rejection as a 400 error body naming the key', () => {
    const result = runRequestSchema.safeParse({ graph: {} });
    if (result.success) throw new Error('expected a failure');
    const body = invalidRequestError(result.error);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('graph');
    expect(body.error.details).toEqual({
      issues: [{ path: '', code: 'unrecognized_keys', message: expect.stringContaining('graph') }],
    });
  });

  it('defaults to streaming with no inputs', () => {
    expect(runRequestSchema.parse({})).toEqual({ inputs: {}, stream: true });
    expect(runRequestSchema.parse({ stream: false }).stream).toBe(false);
  });

  it('rejects bad values', () => {
    const bad = [
      { inputs: 'query' },
      { inputs: [] },
      { inputs: null },
      { stream: 'yes' },
      { conversationId: 'run_1' },
      { conversationId: 'conv_' },
      { conversationId: 'conv_../x' },
      { conversationId: null },
      { inputs: { '': 1 } },
      { inputs: { ['x'.repeat(limits.inputNameLength + 1)]: 1 } },
      {
        inputs: Object.fromEntries(
          Array.from({ length: limits.inputCount + 1 }, (_, index) => [`i${index}`, index]),
        ),
      },
      null,
      [],
      'inputs',
    ];
    for (const body of bad)
      expect(runRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it('keeps input values as they are, whatever their type', () => {
    const inputs = { query: '你好', count: 3, tags: ['a'], nested: { deep: null } };
    expect(runRequestSchema.parse({ inputs }).inputs).toEqual(inputs);
  });
});
