import { z } from 'zod';
import { identifierSchema } from '../identifier.ts';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';
import { declarableTypeSchema, type ValueType } from '../value-type.ts';

export const startInputSchema = z.strictObject({
  name: identifierSchema,
  type: declarableTypeSchema.default('string'),
  required: z.boolean().default(false),
  description: z.string().max(1000).optional(),
  default: z.json().optional().describe('Used when the caller leaves the input out'),
});
export type StartInput = z.output<typeof startInputSchema>;

export const startConfigSchema = z.strictObject({
  inputs: z.array(startInputSchema).max(50).default([]),
});
export type StartConfig = z.output<typeof startConfigSchema>;

export const startKind: NodeKindDefinition<'start', StartConfig> = {
  kind: 'start',
  label: 'Start',
  description: 'Declares the inputs a caller sends. Chat apps always have a `query` text input.',
  category: 'basic',
  configSchema: startConfigSchema,
  defaultConfig: { inputs: [{ name: 'query', type: 'string', required: true }] },
  templateFields: [],
  hasInput: false,
  outputPorts: () => [defaultPort],
  outputs: (config) =>
    Object.fromEntries(config.inputs.map((input): [string, ValueType] => [input.name, input.type])),
  retryable: false,
};
