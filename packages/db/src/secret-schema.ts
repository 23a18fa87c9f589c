import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Secrets for tools: only ciphertext and IV are stored (migrations/0003_secrets.sql). */
export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  ciphertext: text('ciphertext').notNull(),
  iv: text('iv').notNull(),
  updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
});
