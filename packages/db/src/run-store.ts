import { and, asc, desc, eq, lt, or } from 'drizzle-orm';
import type { Database } from './database.ts';
import { type ErrorRecord, runSteps, runs, type UsageRecord } from './schema.ts';

export type RunSource = 'api' | 'widget' | 'openai' | 'editor';
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface RunStart {
  id: string;
  appId: string;
  version: number | null;
  source: RunSource;
  keyId: string | null;
  conversationId: string | null;
  inputs: Record<string, unknown>;
  startedAt: number;
}

export interface StepRecord {
  nodeId: string;
  nodeType: string;
  status: string;
  inputs?: unknown;
  outputs?: unknown;
  error?: ErrorRecord | undefined;
  usage?: UsageRecord | undefined;
  attempts?: readonly unknown[] | undefined;
  logs?: readonly string[] | undefined;
  startedAt: number;
  elapsedMs: number;
}

export interface RunEnd {
  status: Exclude<RunStatus, 'running'>;
  outputs: Record<string, unknown>;
  error: ErrorRecord | null;
  usage: UsageRecord;
  elapsedMs: number;
  endedAt: number;
}

export interface RunSummary {
  id: string;
  appId: string;
  version: number | null;
  status: RunStatus;
  source: RunSource;
  conversationId: string | null;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown> | null;
  error: ErrorRecord | null;
  usage: UsageRecord;
  elapsedMs: number | null;
  startedAt: string;
  endedAt: string | null;
}

export interface RunRecord extends RunSummary {
  keyId: string | null;
  steps: {
    nodeId: string;
    nodeType: string;
    status: string;
    inputs: unknown;
    outputs: unknown;
    error: ErrorRecord | null;
    usage: UsageRecord | null;
    /** Left out (not null) when the node was tried once, as the contract's step has it. */
    attempts?: unknown[];
    logs?: string[];
    startedAt: string;
    elapsedMs: number;
  }[];
}

/** Who asks for a run: the admin sees every run; a key sees only the runs it started. */
export type RunScope = { admin: true } | { admin: false; keyId: string };

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

function toSummary(row: typeof runs.$inferSelect): RunSummary {
  return {
    id: row.id,
    appId: row.appId,
    version: row.version,
    status: row.status,
    source: row.source,
    conversationId: row.conversationId,
    inputs: row.inputs,
    outputs: row.outputs,
    error: row.error,
    usage: { inputTokens: row.inputTokens, outputTokens: row.outputTokens },
    elapsedMs: row.elapsedMs,
    startedAt: iso(row.startedAt),
    endedAt: row.endedAt === null ? null : iso(row.endedAt),
  };
}

function encodeCursor(row: { startedAt: number; id: string }): string {
  return btoa(`${row.startedAt}:${row.id}`).replaceAll('=', '');
}

/** Reads a `nextCursor`; null when the text is not one (the caller answers 400). */
export function decodeRunCursor(cursor: string): { startedAt: number; id: string } | null {
  try {
    const [time, id] = atob(cursor).split(':');
    const startedAt = Number(time);
    return Number.isSafeInteger(startedAt) && id ? { startedAt, id } : null;
  } catch {
    return null;
  }
}

/**
 * Reading run records. Writing them (two round trips per run whatever its size) is `createRunWrites`'s
 * job (run-writes.ts).
 */
export function createRunStore(db: Database) {
  return {
    /** Newest first; `cursor` is the opaque `nextCursor` of the previous page. */
    async list(appId: string, options: { cursor?: string | undefined; limit: number }) {
      const after = options.cursor ? decodeRunCursor(options.cursor) : null;
      const rows = await db
        .select()
        .from(runs)
        .where(
          and(
            eq(runs.appId, appId),
            after
              ? or(
                  lt(runs.startedAt, after.startedAt),
                  and(eq(runs.startedAt, after.startedAt), lt(runs.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(runs.startedAt), desc(runs.id))
        .limit(options.limit + 1);
      const page = rows.slice(0, options.limit);
      const last = page[page.length - 1];
      return {
        runs: page.map(toSummary),
        nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null,
      };
    },

    /** The run with its steps, or null when it does not exist or the scope may not see it. */
    async get(runId: string, scope: RunScope): Promise<RunRecord | null> {
      const [rows, steps] = await db.batch([
        db
          .select()
          .from(runs)
          .where(and(eq(runs.id, runId), scope.admin ? undefined : eq(runs.keyId, scope.keyId))),
        db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(asc(runSteps.position)),
      ]);
      const row = rows[0];
      if (!row) return null;
      return {
        ...toSummary(row),
        keyId: row.keyId,
        steps: steps.map((step) => ({
          nodeId: step.nodeId,
          nodeType: step.nodeType,
          status: step.status,
          inputs: step.inputs,
          outputs: step.outputs,
          error: step.error,
          usage: step.usage,
          ...(step.attempts === null ? {} : { attempts: step.attempts }),
          ...(step.logs === null ? {} : { logs: step.logs }),
          startedAt: iso(step.startedAt),
          elapsedMs: step.elapsedMs,
        })),
      };
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
