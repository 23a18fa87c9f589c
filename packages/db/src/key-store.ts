import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from './database.ts';
import { newId, randomToken, sha256Hex } from './ids.ts';
import { apiKeys } from './schema.ts';

export type KeyKind = 'secret' | 'publishable';

export interface KeyRecord {
  id: string;
  appId: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  allowedOrigins: string[];
  createdAt: string;
}

/** What a key verifies to: enough for authorisation without another read. */
export interface VerifiedKey extends KeyRecord {
  revoked: boolean;
}

const keyPrefixes: Record<KeyKind, string> = { secret: 'ef_sk_', publishable: 'ef_pk_' };

function toRecord(row: typeof apiKeys.$inferSelect): KeyRecord {
  return {
    id: row.id,
    appId: row.appId,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    allowedOrigins: row.allowedOrigins,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The kind a presented key claims to be, from its prefix. */
export function keyKindOf(key: string): KeyKind | null {
  if (key.startsWith(keyPrefixes.secret)) return 'secret';
  if (key.startsWith(keyPrefixes.publishable)) return 'publishable';
  return null;
}

/** App keys: random (≥128 bits), shown once, stored only as SHA-256. */
export function createKeyStore(db: Database, now: () => number = Date.now) {
  return {
    async create(input: {
      appId: string;
      kind: KeyKind;
      name?: string | undefined;
      allowedOrigins?: string[] | undefined;
    }) {
      // 43 base62 characters ≈ 256 bits.
      const key = `${keyPrefixes[input.kind]}${randomToken(43)}`;
      const row = {
        id: newId('key'),
        appId: input.appId,
        kind: input.kind,
        name: input.name ?? '',
        prefix: key.slice(0, 12),
        hash: await sha256Hex(key),
        allowedOrigins: input.allowedOrigins ?? [],
        createdAt: now(),
        revokedAt: null,
      };
      await db.insert(apiKeys).values(row);
      return { ...toRecord(row), key };
    },

    async list(appId: string): Promise<KeyRecord[]> {
      const rows = await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.appId, appId), isNull(apiKeys.revokedAt)))
        .orderBy(desc(apiKeys.createdAt));
      return rows.map(toRecord);
    },

    /** Every origin some live publishable key of the app allows (to answer CORS preflights). */
    async publishableOrigins(appId: string): Promise<string[]> {
      const rows = await db
        .select({ allowedOrigins: apiKeys.allowedOrigins })
        .from(apiKeys)
        .where(and(eq(apiKeys.appId, appId), eq(apiKeys.kind, 'publishable'), isNull(apiKeys.revokedAt)));
      return [...new Set(rows.flatMap((row) => row.allowedOrigins))];
    },

    /** Revokes a key of this app; false when the app has no such key. */
    async revoke(appId: string, keyId: string): Promise<boolean> {
      const revoked = await db
        .update(apiKeys)
        .set({ revokedAt: now() })
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.appId, appId), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id });
      return revoked.length > 0;
    },

    /**
     * Looks a presented key up by its hash. The lookup is by an index on the hash, so timing reveals
     * nothing about other keys' text; the caller compares nothing itself.
     */
    async verify(key: string): Promise<VerifiedKey | null> {
      if (keyKindOf(key) === null || key.length > 200) return null;
      const row = await db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.hash, await sha256Hex(key)))
        .get();
      return row ? { ...toRecord(row), revoked: row.revokedAt !== null } : null;
    },
  };
}

export type KeyStore = ReturnType<typeof createKeyStore>;
