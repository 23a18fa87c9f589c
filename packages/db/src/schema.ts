import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch; the API turns them into ISO strings. */
const timestamp = (name: string) => integer(name, { mode: 'number' });
const json = <Value>(name: string) => text(name, { mode: 'json' }).$type<Value>();

export const apps = sqliteTable('apps', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  mode: text('mode', { enum: ['chat', 'workflow'] }).notNull(),
  draft: json<unknown>('draft').notNull(),
  publishedVersion: integer('published_version'),
  settings: json<Record<string, unknown>>('settings').notNull().default(sql`'{}'`),
  createdAt: timestamp('created_at').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

export const appVersions = sqliteTable(
  'app_versions',
  {
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    document: json<unknown>('document').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.appId, table.version] })],
);

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['secret', 'publishable'] }).notNull(),
    name: text('name').notNull().default(''),
    prefix: text('prefix').notNull(),
    /** SHA-256 of the key, hex; the key itself is never stored. */
    hash: text('hash').notNull(),
    allowedOrigins: json<string[]>('allowed_origins').notNull().default(sql`'[]'`),
    createdAt: timestamp('created_at').notNull(),
    revokedAt: timestamp('revoked_at'),
  },
  (table) => [uniqueIndex('api_keys_hash').on(table.hash), index('api_keys_app').on(table.appId)],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    /** The key that created it; a conversation is readable only by its owner. */
    keyId: text('key_id'),
    /** For widget visitors: the visitor's id, so no visitor reads another's thread. */
    visitorId: text('visitor_id'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (table) => [index('conversations_app').on(table.appId)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    runId: text('run_id').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (table) => [index('messages_conversation').on(table.conversationId, table.id)],
);

export interface UsageRecord {
  inputTokens: number;
  outputTokens: number;
}

export interface ErrorRecord {
  code: string;
  message: string;
  nodeId?: string;
}

export const runs = sqliteTable(
  'runs',
  {
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    /** The published version run, or null for a run of the draft. */
    version: integer('version'),
    source: text('source', { enum: ['api', 'widget', 'openai', 'editor'] }).notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed', 'cancelled'] }).notNull(),
    keyId: text('key_id'),
    conversationId: text('conversation_id'),
    inputs: json<Record<string, unknown>>('inputs').notNull(),
    outputs: json<Record<string, unknown>>('outputs'),
    error: json<ErrorRecord>('error'),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    elapsedMs: integer('elapsed_ms'),
    startedAt: timestamp('started_at').notNull(),
    endedAt: timestamp('ended_at'),
  },
  (table) => [index('runs_app_started').on(table.appId, table.startedAt, table.id)],
);

export const runSteps = sqliteTable(
  'run_steps',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nodeId: text('node_id').notNull(),
    nodeType: text('node_type').notNull(),
    status: text('status').notNull(),
    inputs: json<unknown>('inputs'),
    outputs: json<unknown>('outputs'),
    error: json<ErrorRecord>('error'),
    usage: json<UsageRecord>('usage'),
    /** Retries and fallbacks of the step, when there were any. */
    attempts: json<unknown[]>('attempts'),
    /** What a code node's program logged. */
    logs: json<string[]>('logs'),
    startedAt: timestamp('started_at').notNull(),
    elapsedMs: integer('elapsed_ms').notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.position] })],
);

/** Tokens an app used per UTC day (`YYYY-MM-DD`), for its `dailyTokenBudget`; written by each run's end batch. */
export const appDailyUsage = sqliteTable(
  'app_daily_usage',
  {
    appId: text('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    runs: integer('runs').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.appId, table.day] })],
);
