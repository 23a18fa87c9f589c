import { z } from 'zod';
import { modelCallShape } from '../common-config.ts';
import { identifierSchema } from '../identifier.ts';
import type { NodeKindDefinition } from '../node-kind-definition.ts';

export const classifierClassSchema = z.strictObject({
  id: identifierSchema.describe('Port name and the value of `class`'),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
});
export type ClassifierClass = z.output<typeof classifierClassSchema>;

export const classifierConfigSchema = z.strictObject({
  ...modelCallShape,
  input: z.string().max(100_000).default('').describe('The text to classify'),
  instructions: z.string().max(10_000).default(''),
  classes: z.array(classifierClassSchema).min(2, 'a classifier needs at least two classes').max(30),
});
export type ClassifierConfig = z.output<typeof classifierConfigSchema>;

export const classifierKind: NodeKindDefinition<'classifier', ClassifierConfig> = {
  kind: 'classifier',
  label: 'Classifier',
  description: 'A model picks one of named classes for a text; one port per class.',
  category: 'logic',
  configSchema: classifierConfigSchema,
  defaultConfig: classifierConfigSchema.parse({
    input: '{{start.query}}',
    classes: [
      { id: 'question', name: 'Question' },
      { id: 'other', name: 'Other' },
    ],
  }),
  templateFields: ['/input', '/instructions'],
  hasInput: true,
  outputPorts: (config) => config.classes.map((entry) => entry.id),
  outputs: () => ({ class: 'string' }),
  retryable: true,
};
