import { modelIdSchema as graphModelIdSchema } from '@edgeflow/graph';
import { z } from 'zod';
import { limits } from './limits.ts';

/** `provider:model`, e.g. `alibaba:qwen-plus` or `local:echo`: the graph package's rule, bounded. */
export const modelIdSchema = graphModelIdSchema.max(limits.modelIdLength);

export const modelCapabilities = ['chat', 'tools', 'embedding'] as const;
export const modelCapabilitySchema = z.enum(modelCapabilities);
export type ModelCapability = z.output<typeof modelCapabilitySchema>;

/** A model of a configured provider (`GET /api/models`). */
export const modelSchema = z.object({
  id: modelIdSchema,
  /** `alibaba`, `openai`, `compatible`, `workers-ai` or `local`; more may be added. */
  provider: z.string(),
  name: z.string(),
  capabilities: z.array(modelCapabilitySchema),
});
export type Model = z.output<typeof modelSchema>;

export const modelListSchema = z.object({ models: z.array(modelSchema) });
export type ModelList = z.output<typeof modelListSchema>;
