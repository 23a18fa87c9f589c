import { asc, eq } from 'drizzle-orm';
import type { Database } from './database.ts';
import { secrets } from './secret-schema.ts';

/** A secret as stored: encrypted by the caller (the runtime's secret box), base64 text. */
export interface SealedSecret {
  readonly ciphertext: string;
  readonly iv: string;
}

/** Secrets for tools. The store never sees a value in the clear; listing never returns ciphertext. */
export function createSecretStore(db: Database, now: () => number = Date.now) {
  return {
    async put(name: string, sealed: SealedSecret): Promise<void> {
      const updatedAt = now();
      await db
        .insert(secrets)
        .values({ name, ...sealed, updatedAt })
        .onConflictDoUpdate({ target: secrets.name, set: { ...sealed, updatedAt } });
    },

    async list(): Promise<{ name: string; updatedAt: string }[]> {
      const rows = await db
        .select({ name: secrets.name, updatedAt: secrets.updatedAt })
        .from(secrets)
        .orderBy(asc(secrets.name));
      return rows.map((row) => ({ name: row.name, updatedAt: new Date(row.updatedAt).toISOString() }));
    },

    async get(name: string): Promise<SealedSecret | null> {
      const row = await db
        .select({ ciphertext: secrets.ciphertext, iv: secrets.iv })
        .from(secrets)
        .where(eq(secrets.name, name))
        .get();
      return row ?? null;
    },

    /** True when there was one to delete. */
    async delete(name: string): Promise<boolean> {
      const deleted = await db
        .delete(secrets)
        .where(eq(secrets.name, name))
        .returning({ name: secrets.name });
      return deleted.length > 0;
    },
  };
}

export type SecretStore = ReturnType<typeof createSecretStore>;
