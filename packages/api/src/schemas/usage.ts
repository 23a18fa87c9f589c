import { z } from 'zod';

/** Tokens a run or a node used, summed over every model call. */
export const usageSchema = z.object({
  inputTokens: z.int().min(0),
  outputTokens: z.int().min(0),
});
export type Usage = z.output<typeof usageSchema>;
