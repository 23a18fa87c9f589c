import { z } from 'zod';

/** The types a node output or a start input can have; `any` is for values whose shape only the run knows. */
export const valueTypes = ['string', 'number', 'boolean', 'object', 'array', 'any'] as const;
export type ValueType = (typeof valueTypes)[number];

/** Types a person may declare (start inputs, extractor fields, code outputs, end outputs). */
export const declarableTypes = ['string', 'number', 'boolean', 'object', 'array'] as const;
export type DeclarableType = (typeof declarableTypes)[number];
export const declarableTypeSchema = z.enum(declarableTypes);

/** Whether a value of type `actual` may be used where `expected` is wanted. */
export function isAssignable(actual: ValueType, expected: ValueType): boolean {
  return actual === 'any' || expected === 'any' || actual === expected;
}

/** The declared type of a runtime value, for validating inputs and code outputs. */
export function typeOfValue(value: unknown): DeclarableType | 'null' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return type;
  return 'object';
}
