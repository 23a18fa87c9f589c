import { z } from 'zod';
import { conversationIdSchema, runIdSchema } from './prefixed-id.ts';
import { runErrorSchema } from './run-error.ts';
import { runEndStatuses } from './run-event.ts';
import { usageSchema } from './usage.ts';

/** The 200 answer of a run with `stream: false`, sent once the run ends (also when it failed). */
export const runResultSchema = z.object({
  runId: runIdSchema,
  status: z.enum(runEndStatuses),
  outputs: z.record(z.string(), z.unknown()),
  usage: usageSchema,
  elapsedMs: z.number().min(0),
  conversationId: conversationIdSchema.optional(),
  error: runErrorSchema.optional().describe('Why the run failed, when it did (as in `run-end`).'),
});
export type RunResult = z.output<typeof runResultSchema>;
