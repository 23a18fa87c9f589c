import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from './schema.ts';

/** The Drizzle database of a D1 binding; `$client` is the binding itself. */
export type Database = DrizzleD1Database<typeof schema> & { $client: D1Database };

// drizzle() rebuilds its relational config on every call; one instance per binding is enough.
const databases = new WeakMap<D1Database, Database>();

/** Wraps a D1 binding, once per binding object, so calling it per request costs nothing. */
export function createDatabase(binding: D1Database): Database {
  let database = databases.get(binding);
  if (!database) {
    database = drizzle(binding, { schema });
    databases.set(binding, database);
  }
  return database;
}

/** D1 binds at most 100 parameters per statement; bulk inserts are cut into rows that fit. */
export const maxBoundParameters = 100;

export function chunkRows<Row>(rows: readonly Row[], columnsPerRow: number): Row[][] {
  const size = Math.max(1, Math.floor(maxBoundParameters / columnsPerRow));
  const chunks: Row[][] = [];
  for (let index = 0; index < rows.length; index += size) chunks.push(rows.slice(index, index + size));
  return chunks;
}
