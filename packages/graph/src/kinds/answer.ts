import { z } from 'zod';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';

export const answerConfigSchema = z.strictObject({
  text: z.string().max(100_000).default('').describe('The reply; model text it references streams'),
});
export type AnswerConfig = z.output<typeof answerConfigSchema>;

export const answerKind: NodeKindDefinition<'answer', AnswerConfig> = {
  kind: 'answer',
  label: 'Answer',
  description: 'The reply of a chat app; text from a model it references streams to the caller as produced.',
  category: 'output',
  configSchema: answerConfigSchema,
  defaultConfig: { text: '{{llm.text}}' },
  templateFields: ['/text'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: () => ({ text: 'string' }),
  retryable: false,
};
