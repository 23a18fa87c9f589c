import { z } from 'zod';
import { onErrorSchema, retrySchema, timeoutSchema } from '../common-config.ts';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';

export const retrievalConfigSchema = z.strictObject({
  knowledgeBaseIds: z
    .array(z.string().regex(/^kb_[A-Za-z0-9_-]+$/, 'must be a knowledge base id (kb_…)'))
    .max(10)
    .default([]),
  query: z.string().max(10_000).default(''),
  topK: z.int().min(1).max(50).default(4),
  minScore: z.number().min(0).max(1).default(0),
  mode: z.enum(['keyword', 'vector', 'hybrid']).default('hybrid'),
  retry: retrySchema,
  onError: onErrorSchema,
  timeoutMs: timeoutSchema,
});
export type RetrievalConfig = z.output<typeof retrievalConfigSchema>;

export const retrievalKind: NodeKindDefinition<'retrieval', RetrievalConfig> = {
  kind: 'retrieval',
  label: 'Knowledge retrieval',
  description:
    'Searches knowledge bases and passes the best passages on, joined into `context` for a prompt.',
  category: 'knowledge',
  configSchema: retrievalConfigSchema,
  defaultConfig: retrievalConfigSchema.parse({ query: '{{start.query}}' }),
  templateFields: ['/query'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: () => ({ chunks: 'array', context: 'string' }),
  retryable: true,
};
