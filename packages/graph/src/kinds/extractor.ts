import { z } from 'zod';
import { modelCallShape } from '../common-config.ts';
import { identifierSchema } from '../identifier.ts';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';
import { declarableTypeSchema, type ValueType } from '../value-type.ts';

export const extractorFieldSchema = z.strictObject({
  name: identifierSchema,
  type: declarableTypeSchema.default('string'),
  description: z.string().max(2000).default(''),
  required: z.boolean().default(true),
});
export type ExtractorField = z.output<typeof extractorFieldSchema>;

export const extractorConfigSchema = z.strictObject({
  ...modelCallShape,
  input: z.string().max(100_000).default('').describe('The text to extract from'),
  instructions: z.string().max(10_000).default(''),
  fields: z.array(extractorFieldSchema).min(1, 'an extractor needs at least one field').max(50),
});
export type ExtractorConfig = z.output<typeof extractorConfigSchema>;

export const extractorKind: NodeKindDefinition<'extractor', ExtractorConfig> = {
  kind: 'extractor',
  label: 'Extractor',
  description: 'A model fills declared fields from a text (structured output).',
  category: 'model',
  configSchema: extractorConfigSchema,
  defaultConfig: extractorConfigSchema.parse({
    input: '{{start.query}}',
    fields: [{ name: 'name', description: 'The person’s name' }],
  }),
  templateFields: ['/input', '/instructions'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: (config) =>
    Object.fromEntries(config.fields.map((field): [string, ValueType] => [field.name, field.type])),
  retryable: true,
};
