import { z } from 'zod';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';

export const templateConfigSchema = z.strictObject({
  template: z.string().max(100_000).default('').describe('Text with {{node.field}} references'),
});
export type TemplateConfig = z.output<typeof templateConfigSchema>;

export const templateKind: NodeKindDefinition<'template', TemplateConfig> = {
  kind: 'template',
  label: 'Template',
  description: 'Renders a text from upstream outputs, e.g. to build a prompt.',
  category: 'basic',
  configSchema: templateConfigSchema,
  defaultConfig: { template: '{{start.query}}' },
  templateFields: ['/template'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: () => ({ text: 'string' }),
  retryable: false,
};
