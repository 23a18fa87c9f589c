import { z } from 'zod';
import { limits } from './limits.ts';
import { appIdSchema, conversationIdSchema, runIdSchema } from './prefixed-id.ts';
import { attemptSchema, runErrorSchema } from './run-error.ts';
import { timestampSchema } from './timestamp.ts';
import { usageSchema } from './usage.ts';

export const runStatuses = ['running', 'succeeded', 'failed', 'cancelled'] as const;
export const runSources = ['api', 'widget', 'openai', 'editor'] as const;
export const stepStatuses = ['running', 'succeeded', 'failed', 'skipped'] as const;

const outputsSchema = z.record(z.string(), z.unknown());

/** The trace of one node of a run. */
export const runStepSchema = z.object({
  nodeId: z.string(),
  nodeType: z.string(),
  status: z.enum(stepStatuses),
  inputs: z.unknown().describe('What the node was given, after templating; `null` for a skipped node.'),
  outputs: outputsSchema.nullable(),
  error: runErrorSchema.nullable(),
  usage: usageSchema.nullable(),
  startedAt: timestampSchema.nullable().describe('`null` for a node that was skipped.'),
  elapsedMs: z.number().min(0).nullable(),
  attempts: z
    .array(attemptSchema)
    .optional()
    .describe('Failed tries before the last one (retries, fallbacks).'),
});
export type RunStep = z.output<typeof runStepSchema>;

/** A run without its steps: an entry of `GET /api/apps/{appId}/runs`. */
export const runSummarySchema = z.object({
  id: runIdSchema,
  appId: appIdSchema,
  version: z.int().min(1).nullable().describe('`null` for a run of the draft (source `editor`).'),
  status: z.enum(runStatuses),
  source: z.enum(runSources),
  inputs: z.record(z.string(), z.unknown()),
  outputs: outputsSchema.nullable().describe('`null` until the run ends.'),
  error: runErrorSchema.nullable(),
  usage: usageSchema,
  elapsedMs: z.number().min(0).nullable().describe('`null` until the run ends.'),
  startedAt: timestampSchema,
  endedAt: timestampSchema.nullable(),
  conversationId: conversationIdSchema.nullable(),
});
export type RunSummary = z.output<typeof runSummarySchema>;

/** `GET /api/runs/{runId}` and `GET /v1/runs/{runId}`. */
export const runRecordSchema = runSummarySchema.extend({
  steps: z.array(runStepSchema).describe('In the order the nodes started.'),
});
export type RunRecord = z.output<typeof runRecordSchema>;

/** The query of `GET /api/apps/{appId}/runs`; an empty `cursor` means the first page. */
export const runListQuerySchema = z.object({
  cursor: z.string().max(limits.cursorLength).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSize).default(20),
});
export type RunListQuery = z.input<typeof runListQuerySchema>;

export const runListSchema = z.object({
  runs: z.array(runSummarySchema).describe('Newest first.'),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; `null` on the last page.'),
});
export type RunList = z.output<typeof runListSchema>;
