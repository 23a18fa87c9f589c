import { z } from 'zod';

/** Per-node retry for model, http and code nodes: `attempts` counts every try, the first included. */
export const retrySchema = z
  .strictObject({
    attempts: z.int().min(1).max(10).default(1).describe('Tries in all, the first included'),
    backoffMs: z
      .int()
      .min(0)
      .max(60_000)
      .default(500)
      .describe('Wait before the second try; doubles each time'),
  })
  .default({ attempts: 1, backoffMs: 500 });
export type RetryConfig = z.output<typeof retrySchema>;

/**
 * What a failure of this node does: `fail` fails the run, `continue` lets the run go on with an `error`
 * output, `route` takes the node's `error` port instead of its normal outputs.
 */
export const onErrorSchema = z.enum(['fail', 'continue', 'route']).default('fail');
export type OnError = z.output<typeof onErrorSchema>;

export const timeoutSchema = z.int().min(1).max(600_000).optional().describe('Per-node timeout in ms');

/** `provider:model`, e.g. `alibaba:qwen-plus` or `local:echo`. */
export const modelIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*:[^\s]+$/, 'must be provider:model, e.g. alibaba:qwen-plus or local:echo');

export const defaultModel = 'local:echo';

/** What every kind that calls a model shares. */
export const modelCallShape = {
  model: modelIdSchema.default(defaultModel),
  fallbackModels: z
    .array(modelIdSchema)
    .max(5)
    .default([])
    .describe('Tried in order when the model keeps failing'),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.int().min(1).max(1_000_000).optional(),
  retry: retrySchema,
  onError: onErrorSchema,
  timeoutMs: timeoutSchema,
};

/** Chat history given to the model: the last `turns` user/assistant pairs of the conversation. */
export const memorySchema = z
  .strictObject({ turns: z.int().min(0).max(50).default(0) })
  .default({ turns: 0 });
