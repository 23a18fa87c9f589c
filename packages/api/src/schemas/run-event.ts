import { z } from 'zod';
import { appIdSchema, conversationIdSchema, runIdSchema } from './prefixed-id.ts';
import { attemptSchema, runErrorSchema } from './run-error.ts';
import { usageSchema } from './usage.ts';

export const runEventTypes = ['run-start', 'node-start', 'text-delta', 'node-end', 'run-end'] as const;
export type RunEventType = (typeof runEventTypes)[number];

/** Statuses a finished run can have. */
export const runEndStatuses = ['succeeded', 'failed', 'cancelled'] as const;
/** Statuses a finished node can have. */
export const nodeEndStatuses = ['succeeded', 'failed', 'skipped'] as const;

const outputsSchema = z.record(z.string(), z.unknown());

// Every event's data holds `type`, `runId` and `seq`; `seq` counts from 1 within the run and is the SSE `id`.
const eventShape = {
  runId: runIdSchema,
  seq: z.int().min(1),
};

export const runStartEventSchema = z.object({
  type: z.literal('run-start'),
  ...eventShape,
  appId: appIdSchema,
  version: z
    .int()
    .min(1)
    .nullable()
    .describe('The published version that runs; `null` for a run of the draft.'),
  conversationId: conversationIdSchema.optional().describe('Chat apps: the conversation, new or continued.'),
  startedAt: z.string().optional(),
});

export const nodeStartEventSchema = z.object({
  type: z.literal('node-start'),
  ...eventShape,
  nodeId: z.string(),
  nodeType: z.string(),
});

export const textDeltaEventSchema = z.object({
  type: z.literal('text-delta'),
  ...eventShape,
  nodeId: z.string(),
  delta: z.string().describe('A piece of streamed text: the chat answer, or a node marked to stream.'),
});

export const nodeEndEventSchema = z.object({
  type: z.literal('node-end'),
  ...eventShape,
  nodeId: z.string(),
  status: z.enum(nodeEndStatuses),
  outputs: outputsSchema.optional(),
  error: runErrorSchema.optional(),
  elapsedMs: z.number().min(0),
  usage: usageSchema.optional(),
  inputs: z.unknown().optional().describe('What the node was given, after templating (for the trace).'),
  attempts: z
    .array(attemptSchema)
    .optional()
    .describe('Every try, when the node was tried more than once (retries, fallback models).'),
  nodeType: z.string().optional(),
  port: z.string().optional().describe('The output port taken (`out`, a case or class id, `else`, `error`).'),
  startedAt: z.string().optional(),
  logs: z.array(z.string()).optional().describe('What a code node logged.'),
});

export const runEndEventSchema = z.object({
  type: z.literal('run-end'),
  ...eventShape,
  status: z.enum(runEndStatuses),
  outputs: outputsSchema,
  error: runErrorSchema.optional(),
  usage: usageSchema,
  elapsedMs: z.number().min(0),
});

/** One run event, as `data` of an SSE event whose `event` is its `type`; `run-end` is always last. */
export const runEventSchema = z.discriminatedUnion('type', [
  runStartEventSchema,
  nodeStartEventSchema,
  textDeltaEventSchema,
  nodeEndEventSchema,
  runEndEventSchema,
]);
export type RunEvent = z.output<typeof runEventSchema>;
export type RunEventOf<Type extends RunEventType> = Extract<RunEvent, { type: Type }>;
export type RunStartEvent = RunEventOf<'run-start'>;
export type NodeStartEvent = RunEventOf<'node-start'>;
export type TextDeltaEvent = RunEventOf<'text-delta'>;
export type NodeEndEvent = RunEventOf<'node-end'>;
export type RunEndEvent = RunEventOf<'run-end'>;

/**
 * Whether `type` is a run event type this version knows.
 * @example isRunEventType('node-end') // true
 */
export function isRunEventType(type: string): type is RunEventType {
  return (runEventTypes as readonly string[]).includes(type);
}
