import { z } from 'zod';
import { identifierSchema } from '../identifier.ts';
import { defaultPort, type NodeKindDefinition, type TypedReferenceField } from '../node-kind-definition.ts';
import { declarableTypeSchema, type ValueType } from '../value-type.ts';

export const endOutputSchema = z.strictObject({
  name: identifierSchema,
  value: z.string().max(100_000).describe('A reference passes the raw value; other text is rendered'),
  type: declarableTypeSchema.optional().describe('When set, the value must have this type'),
});
export type EndOutput = z.output<typeof endOutputSchema>;

export const endConfigSchema = z.strictObject({ outputs: z.array(endOutputSchema).max(50).default([]) });
export type EndConfig = z.output<typeof endConfigSchema>;

export const endKind: NodeKindDefinition<'end', EndConfig> = {
  kind: 'end',
  label: 'End',
  description: 'Workflow apps: maps upstream outputs to the run’s named outputs.',
  category: 'output',
  configSchema: endConfigSchema,
  defaultConfig: { outputs: [{ name: 'result', value: '{{start.query}}' }] },
  templateFields: ['/outputs/*/value'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: (config) =>
    Object.fromEntries(
      config.outputs.map((output): [string, ValueType] => [output.name, output.type ?? 'any']),
    ),
  typedReferences: (config) =>
    config.outputs.flatMap((output, index): TypedReferenceField[] =>
      output.type
        ? [{ path: `/outputs/${index}/value`, expected: output.type, label: `output ${output.name}` }]
        : [],
    ),
  retryable: false,
};
