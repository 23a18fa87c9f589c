import { z } from 'zod';

/** Why a run or a node failed: `{ code, message, nodeId? }`. */
export const runErrorSchema = z.object({
  code: z.string().max(100),
  message: z.string(),
  nodeId: z.string().optional().describe('The node that failed, when one did.'),
});
export type RunError = z.output<typeof runErrorSchema>;

/** One failed try of a node that retried or fell back to another model. */
export const attemptSchema = z.object({
  number: z.int().min(1).describe('Counts from 1, across the models tried.'),
  model: z.string().optional().describe('The model tried, for model nodes.'),
  status: z.enum(['succeeded', 'failed']),
  error: z.object({ code: z.string().max(100), message: z.string() }).optional(),
  elapsedMs: z.number().min(0),
});
export type Attempt = z.output<typeof attemptSchema>;
