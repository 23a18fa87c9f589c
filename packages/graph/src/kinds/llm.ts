import { z } from 'zod';
import { memorySchema, modelCallShape } from '../common-config.ts';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';

export const llmConfigSchema = z.strictObject({
  ...modelCallShape,
  system: z.string().max(100_000).default('').describe('System prompt; may reference upstream outputs'),
  prompt: z.string().max(100_000).default('').describe('User message; may reference upstream outputs'),
  memory: memorySchema,
  stream: z.boolean().default(false).describe('Send this node’s text as text-delta events as it is produced'),
});
export type LlmConfig = z.output<typeof llmConfigSchema>;

export const llmKind: NodeKindDefinition<'llm', LlmConfig> = {
  kind: 'llm',
  label: 'LLM',
  description: 'One model call with a system prompt, a prompt and optional chat history.',
  category: 'model',
  configSchema: llmConfigSchema,
  defaultConfig: llmConfigSchema.parse({ prompt: '{{start.query}}' }),
  templateFields: ['/system', '/prompt'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: () => ({ text: 'string', usage: 'object' }),
  retryable: true,
};
