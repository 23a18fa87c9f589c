import type { Database } from '@edgeflow/db';

export type Statement = D1PreparedStatement;

// drizzle() returns the database with its D1 binding as `$client`; the shared `Database` type leaves it out.
const bindingOf = (db: Database) => (db as Database & { readonly $client: D1Database }).$client;

/** A raw D1 statement on the database's binding (drizzle's batch cannot run `INSERT … SELECT json_each`). */
export function statement(db: Database, query: string, ...values: unknown[]): Statement {
  return bindingOf(db)
    .prepare(query)
    .bind(...values);
}

/**
 * Runs statements in one D1 batch: one round trip, and one transaction (D1 has no BEGIN), so either
 * all of them take effect or none does.
 */
export async function runBatch(db: Database, statements: readonly Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await bindingOf(db).batch([...statements]);
}

/** Runs read statements in one D1 batch (one round trip) and returns each one's rows, in order. */
export async function queryBatch<Row = unknown>(
  db: Database,
  statements: readonly Statement[],
): Promise<Row[][]> {
  if (statements.length === 0) return [];
  const results = await bindingOf(db).batch<Row>([...statements]);
  return results.map((result) => result.results);
}

/**
 * Cuts rows into groups whose JSON stays well under D1's 2 MB limit on one bound value (at most
 * 3 bytes of UTF-8 per UTF-16 unit), for `INSERT … SELECT … FROM json_each(?)`: one bound parameter
 * per statement, however many rows.
 */
export function jsonGroups(rows: readonly unknown[], maxUnits = 200_000): string[] {
  const groups: string[] = [];
  let current: string[] = [];
  let units = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (current.length > 0 && units + json.length + 1 > maxUnits) {
      groups.push(`[${current.join(',')}]`);
      current = [];
      units = 2;
    }
    current.push(json);
    units += json.length + 1;
  }
  if (current.length > 0) groups.push(`[${current.join(',')}]`);
  return groups;
}
