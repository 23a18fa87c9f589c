import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { runWriteColumns } from './run-writes.ts';
import { appDailyUsage, conversations, messages, runSteps, runs } from './schema.ts';

const columnsOf = (table: SQLiteTable) => getTableConfig(table).columns.map((column) => column.name);

// The run's writes are plain SQL (run-writes.ts); these keep them in step with the Drizzle schema.
describe('the run writes and the schema', () => {
  it('insert every column of run_steps, conversations and messages (but the generated message id)', () => {
    expect([...runWriteColumns.runSteps].sort()).toEqual(columnsOf(runSteps).sort());
    expect([...runWriteColumns.conversations].sort()).toEqual(columnsOf(conversations).sort());
    expect([...runWriteColumns.appDailyUsage].sort()).toEqual(columnsOf(appDailyUsage).sort());
    expect([...runWriteColumns.messages].sort()).toEqual(
      columnsOf(messages)
        .filter((name) => name !== 'id')
        .sort(),
    );
  });

  it('start a run with every column but its end, and end it with the rest', () => {
    const started = new Set<string>(runWriteColumns.runsInsert);
    const ended = new Set<string>(runWriteColumns.runsUpdate);
    expect([...started].filter((name) => ended.has(name))).toEqual(['status']);
    expect([...new Set([...started, ...ended])].sort()).toEqual(columnsOf(runs).sort());
  });
});
