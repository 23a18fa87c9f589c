import { z } from 'zod';
import { identifierSchema } from '../identifier.ts';
import type { NodeKindDefinition, TypedReferenceField } from '../node-kind-definition.ts';
import type { ValueType } from '../value-type.ts';

/** Operators and the type of `left` each accepts. */
export const conditionOperators = {
  equals: 'any',
  notEquals: 'any',
  contains: 'any',
  notContains: 'any',
  startsWith: 'string',
  endsWith: 'string',
  isEmpty: 'any',
  isNotEmpty: 'any',
  gt: 'number',
  gte: 'number',
  lt: 'number',
  lte: 'number',
  isTrue: 'boolean',
  isFalse: 'boolean',
} as const satisfies Record<string, ValueType>;
export type ConditionOperator = keyof typeof conditionOperators;
export const unaryOperators: readonly ConditionOperator[] = ['isEmpty', 'isNotEmpty', 'isTrue', 'isFalse'];

export const conditionRuleSchema = z.strictObject({
  left: z.string().min(1).describe('One reference, e.g. {{classifier.class}}'),
  operator: z.enum(Object.keys(conditionOperators) as [ConditionOperator, ...ConditionOperator[]]),
  right: z.string().max(10_000).default('').describe('Text or a template; numbers for gt/gte/lt/lte'),
});
export type ConditionRule = z.output<typeof conditionRuleSchema>;

export const conditionCaseSchema = z.strictObject({
  id: identifierSchema.refine((id) => id !== 'else', 'else is the fallback port'),
  logic: z.enum(['and', 'or']).default('and'),
  rules: z.array(conditionRuleSchema).min(1, 'a case needs at least one rule').max(20),
});
export type ConditionCase = z.output<typeof conditionCaseSchema>;

export const conditionConfigSchema = z.strictObject({
  cases: z.array(conditionCaseSchema).min(1, 'a condition needs at least one case').max(20),
});
export type ConditionConfig = z.output<typeof conditionConfigSchema>;

export const elsePort = 'else';

export const conditionKind: NodeKindDefinition<'condition', ConditionConfig> = {
  kind: 'condition',
  label: 'Condition',
  description: 'Takes the port of the first case whose rules hold, else the else port.',
  category: 'logic',
  configSchema: conditionConfigSchema,
  defaultConfig: {
    cases: [
      { id: 'case_1', logic: 'and', rules: [{ left: '{{start.query}}', operator: 'isNotEmpty', right: '' }] },
    ],
  },
  templateFields: ['/cases/*/rules/*/left', '/cases/*/rules/*/right'],
  hasInput: true,
  outputPorts: (config) => [...config.cases.map((entry) => entry.id), elsePort],
  outputs: () => ({ case: 'string' }),
  typedReferences: (config) =>
    config.cases.flatMap((entry, caseIndex) =>
      entry.rules.map(
        (rule, ruleIndex): TypedReferenceField => ({
          path: `/cases/${caseIndex}/rules/${ruleIndex}/left`,
          expected: conditionOperators[rule.operator],
          label: `left side of ${rule.operator}`,
        }),
      ),
    ),
  retryable: false,
};
