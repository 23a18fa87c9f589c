import { z } from 'zod';
import { onErrorSchema, retrySchema } from '../common-config.ts';
import { identifierSchema } from '../identifier.ts';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';
import { declarableTypeSchema, type ValueType } from '../value-type.ts';

export const codeOutputSchema = z.strictObject({
  name: identifierSchema,
  type: declarableTypeSchema.default('string'),
});
export type CodeOutput = z.output<typeof codeOutputSchema>;

export const codeConfigSchema = z.strictObject({
  language: z.literal('javascript').default('javascript'),
  code: z
    .string()
    .min(1)
    .max(100_000)
    .default('function main(inputs) {\n  return { result: inputs.text };\n}\n'),
  inputs: z
    .record(identifierSchema, z.string().max(100_000))
    .default({})
    .describe('Names seen by main(inputs); a value that is one reference passes the raw value'),
  outputs: z
    .array(codeOutputSchema)
    .max(50)
    .default([{ name: 'result', type: 'string' }]),
  timeoutMs: z.int().min(10).max(30_000).default(2_000),
  memoryLimitMb: z.int().min(1).max(64).default(32).describe('A Worker isolate has 128 MB for everything'),
  retry: retrySchema,
  onError: onErrorSchema,
});
export type CodeConfig = z.output<typeof codeConfigSchema>;

export const codeKind: NodeKindDefinition<'code', CodeConfig> = {
  kind: 'code',
  label: 'Code',
  description: 'JavaScript `function main(inputs) { return {…} }` in a sandbox with time and memory limits.',
  category: 'tools',
  configSchema: codeConfigSchema,
  defaultConfig: codeConfigSchema.parse({ inputs: { text: '{{start.query}}' } }),
  templateFields: ['/inputs/*'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: (config) =>
    Object.fromEntries(config.outputs.map((output): [string, ValueType] => [output.name, output.type])),
  retryable: true,
};
