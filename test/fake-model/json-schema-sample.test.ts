import { describe, expect, it } from 'vitest';
import { sampleJsonSchema } from './json-schema-sample.ts';

describe('sampleJsonSchema', () => {
  it('honours const, enum, formats and string lengths', () => {
    expect(sampleJsonSchema({ const: 7 })).toBe(7);
    expect(sampleJsonSchema({ enum: ['b', 'a'] })).toBe('b');
    expect(sampleJsonSchema({ type: 'string', format: 'email' })).toBe('fake@example.com');
    expect(sampleJsonSchema({ type: 'string', format: 'date-time' })).toBe('2024-01-01T00:00:00.000Z');
    expect(sampleJsonSchema({ type: 'string', minLength: 12 })).toBe('fake valuexx');
    expect(sampleJsonSchema({ type: 'string', maxLength: 3 })).toBe('fak');
  });

  it('honours numeric bounds and multiples', () => {
    expect(sampleJsonSchema({ type: 'integer' })).toBe(0);
    expect(sampleJsonSchema({ type: 'integer', minimum: 3 })).toBe(3);
    expect(sampleJsonSchema({ type: 'integer', exclusiveMinimum: 3 })).toBe(4);
    expect(sampleJsonSchema({ type: 'number', exclusiveMaximum: 0 })).toBe(-0.5);
    expect(sampleJsonSchema({ type: 'integer', minimum: 5, multipleOf: 4 })).toBe(8);
    expect(sampleJsonSchema({ type: 'integer', minimum: 1, exclusiveMinimum: true })).toBe(2);
  });

  it('fills objects, arrays, tuples, nullable types and combinators', () => {
    expect(
      sampleJsonSchema({
        type: 'object',
        properties: {
          title: { type: ['string', 'null'] },
          done: { type: 'boolean' },
          items: { type: 'array', items: { type: 'integer' }, minItems: 2 },
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
          either: { anyOf: [{ type: 'null' }, { type: 'string' }] },
          both: { allOf: [{ properties: { a: { const: 1 } } }, { properties: { b: { const: 2 } } }] },
          nothing: { type: 'null' },
        },
      }),
    ).toEqual({
      title: 'fake title',
      done: true,
      items: [0, 0],
      pair: ['fake pair 1', 0],
      either: 'fake either',
      both: { a: 1, b: 2 },
      nothing: null,
    });
  });

  it('resolves local references and ends recursive schemas', () => {
    const tree = {
      $ref: '#/$defs/node',
      $defs: {
        node: {
          type: 'object',
          properties: {
            label: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          },
          required: ['label', 'children'],
        },
      },
    };
    const value = sampleJsonSchema(tree);
    expect(value).toMatchObject({ label: 'fake label', children: [{ label: 'fake label' }] });
    expect(JSON.stringify(value).length).toBeLessThan(1000);
  });

  it('is deterministic', () => {
    const schema = { type: 'object', properties: { a: { type: 'array', items: { type: 'string' } } } };
    expect(sampleJsonSchema(schema)).toEqual(sampleJsonSchema(schema));
  });
});
