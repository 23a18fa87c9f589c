import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import * as schema from './schema.ts';

export type Database = DrizzleD1Database<typeof schema>;

/** Wraps a D1 binding; cheap enough to call per request. */
export function createDatabase(binding: D1Database): Database {
  return drizzle(binding, { schema });
}

/** D1 binds at most 100 parameters per statement; bulk inserts are cut into rows that fit. */
export const maxBoundParameters = 100;

export function chunkRows<Row>(rows: readonly Row[], columnsPerRow: number): Row[][] {
  const size = Math.max(1, Math.floor(maxBoundParameters / columnsPerRow));
  const chunks: Row[][] = [];
  for (let index = 0; index < rows.length; index += size) chunks.push(rows.slice(index, index + size));
  return chunks;
}
