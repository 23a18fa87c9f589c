import type { ConversationOwner } from './conversation-store.ts';
import { chunkRows } from './database.ts';
import type { RunEnd, RunStart, StepRecord } from './run-store.ts';
import { utcDay } from './usage-store.ts';

/**
 * The statements of a run's two writes, as plain D1 statements: the start (the run's row, and a new
 * conversation) and the end (final status, every step, the conversation's new messages). Each list goes
 * out as one `binding.batch(...)`.
 *
 * Why not Drizzle here, as everywhere else in this package: these writes happen on every run, and
 * building them with Drizzle's query builder (column mapping, SQL assembly, per value `is()` checks)
 * was the largest share of the worker's own JavaScript per run in the runtime profile
 * (test/bench/runtime-profile.ts). Their SQL never changes, so it is written out here once and only
 * bound per run. test/run-writes.test.ts checks every column list against the Drizzle schema, so the
 * two cannot drift apart; the runtime's tests read what these write back through the Drizzle stores.
 */
export function createRunWrites(binding: D1Database, now: () => number = Date.now) {
  const statements = preparedFor(binding);
  return {
    /** The first write of a run: its row, after the conversation's when this run starts one. */
    start(
      run: RunStart,
      newConversation?: { readonly appId: string; readonly owner: ConversationOwner },
    ): D1PreparedStatement[] {
      const list: D1PreparedStatement[] = [];
      if (newConversation && run.conversationId !== null) {
        const time = now();
        const { appId, owner } = newConversation;
        list.push(
          statements.conversationInsert.bind(
            run.conversationId,
            appId,
            owner.keyId,
            owner.visitorId,
            time,
            time,
          ),
        );
      }
      list.push(
        statements.runInsert.bind(
          run.id,
          run.appId,
          run.version,
          run.source,
          run.keyId,
          run.conversationId,
          JSON.stringify(run.inputs),
          run.startedAt,
        ),
      );
      return list;
    },

    /** The last write of a run: its end and all its steps (chunked under D1's 100-parameter limit). */
    end(runId: string, end: RunEnd, steps: readonly StepRecord[]): D1PreparedStatement[] {
      const list = [
        statements.runUpdate.bind(
          end.status,
          JSON.stringify(end.outputs),
          jsonOrNull(end.error),
          end.usage.inputTokens,
          end.usage.outputTokens,
          end.elapsedMs,
          end.endedAt,
          runId,
        ),
      ];
      const rows = steps.map((step, position) => [
        runId,
        position,
        step.nodeId,
        step.nodeType,
        step.status,
        jsonOrNull(step.inputs),
        jsonOrNull(step.outputs),
        jsonOrNull(step.error),
        jsonOrNull(step.usage),
        jsonOrNull(step.attempts),
        jsonOrNull(step.logs),
        step.startedAt,
        step.elapsedMs,
      ]);
      for (const chunk of chunkRows(rows, stepColumns.length)) {
        list.push(statements.stepInsert(chunk.length).bind(...chunk.flat()));
      }
      return list;
    },

    /** Adds the run's tokens to its app's UTC day (daily budgets), for the end batch. */
    usage(appId: string, end: RunEnd): D1PreparedStatement {
      return statements.usageUpsert.bind(
        appId,
        utcDay(end.endedAt),
        end.usage.inputTokens,
        end.usage.outputTokens,
      );
    },

    /** One exchange of a conversation (to batch with the run's end). */
    append(conversationId: string, runId: string, query: string, answer: string): D1PreparedStatement[] {
      const time = now();
      return [
        statements.messagesInsert.bind(
          conversationId,
          'user',
          query,
          runId,
          time,
          conversationId,
          'assistant',
          answer,
          runId,
          time,
        ),
        statements.conversationTouch.bind(time, conversationId),
      ];
    },
  };
}

export type RunWrites = ReturnType<typeof createRunWrites>;

/** Column lists of the statements below, in bind order (test/run-writes.test.ts compares them with the schema). */
export const runWriteColumns = {
  conversations: ['id', 'app_id', 'key_id', 'visitor_id', 'created_at', 'updated_at'],
  runsInsert: [
    'id',
    'app_id',
    'version',
    'source',
    'key_id',
    'conversation_id',
    'inputs',
    'started_at',
    'status',
  ],
  runsUpdate: ['status', 'outputs', 'error', 'input_tokens', 'output_tokens', 'elapsed_ms', 'ended_at'],
  runSteps: [
    'run_id',
    'position',
    'node_id',
    'node_type',
    'status',
    'inputs',
    'outputs',
    'error',
    'usage',
    'attempts',
    'logs',
    'started_at',
    'elapsed_ms',
  ],
  messages: ['conversation_id', 'role', 'content', 'run_id', 'created_at'],
  appDailyUsage: ['app_id', 'day', 'input_tokens', 'output_tokens', 'runs'],
} as const;

const stepColumns = runWriteColumns.runSteps;
const placeholders = (count: number) => `(${Array.from({ length: count }, () => '?').join(', ')})`;

// The Drizzle json columns store JSON text, and SQL NULL for a missing value.
function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function prepare(binding: D1Database) {
  const columns = runWriteColumns;
  const stepInserts = new Map<number, D1PreparedStatement>();
  return {
    conversationInsert: binding.prepare(
      `INSERT INTO conversations (${columns.conversations.join(', ')}) VALUES ${placeholders(6)}`,
    ),
    // `status` is last and fixed: a run starts running.
    runInsert: binding.prepare(
      `INSERT INTO runs (${columns.runsInsert.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')`,
    ),
    runUpdate: binding.prepare(
      `UPDATE runs SET ${columns.runsUpdate.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`,
    ),
    stepInsert(rows: number): D1PreparedStatement {
      let statement = stepInserts.get(rows);
      if (!statement) {
        const values = Array.from({ length: rows }, () => placeholders(stepColumns.length)).join(', ');
        statement = binding.prepare(`INSERT INTO run_steps (${stepColumns.join(', ')}) VALUES ${values}`);
        stepInserts.set(rows, statement);
      }
      return statement;
    },
    messagesInsert: binding.prepare(
      `INSERT INTO messages (${columns.messages.join(', ')}) VALUES ${placeholders(5)}, ${placeholders(5)}`,
    ),
    conversationTouch: binding.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?'),
    usageUpsert: binding.prepare(
      `INSERT INTO app_daily_usage (${columns.appDailyUsage.join(', ')}) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (app_id, day) DO UPDATE SET input_tokens = input_tokens + excluded.input_tokens,
       output_tokens = output_tokens + excluded.output_tokens, runs = runs + 1`,
    ),
  };
}

// Prepared once per binding: a Worker hands the same binding object to every request of an isolate.
const prepared = new WeakMap<D1Database, ReturnType<typeof prepare>>();
function preparedFor(binding: D1Database) {
  let statements = prepared.get(binding);
  if (!statements) {
    statements = prepare(binding);
    prepared.set(binding, statements);
  }
  return statements;
}
