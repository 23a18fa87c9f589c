import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { newId } from './ids.ts';
import { apps, appVersions } from './schema.ts';

export interface AppRecord {
  id: string;
  name: string;
  mode: 'chat' | 'workflow';
  draft: unknown;
  publishedVersion: number | null;
  settings: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface VersionRecord {
  version: number;
  note: string;
  createdAt: string;
}

export interface PublishedApp {
  app: AppRecord;
  version: number;
  document: unknown;
}

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

function toRecord(row: typeof apps.$inferSelect): AppRecord {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    draft: row.draft,
    publishedVersion: row.publishedVersion,
    settings: row.settings,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Apps, drafts and published versions. The management API is single-tenant (admin token), so ids are global. */
export function createAppStore(db: Database, now: () => number = Date.now) {
  return {
    async create(input: {
      name: string;
      mode: 'chat' | 'workflow';
      draft: unknown;
      settings?: Record<string, unknown>;
    }) {
      const time = now();
      const row = {
        id: newId('app'),
        name: input.name,
        mode: input.mode,
        draft: input.draft,
        publishedVersion: null,
        settings: input.settings ?? {},
        createdAt: time,
        updatedAt: time,
      };
      await db.insert(apps).values(row);
      return toRecord(row);
    },

    async list(): Promise<AppRecord[]> {
      const rows = await db.select().from(apps).orderBy(desc(apps.updatedAt), desc(apps.id));
      return rows.map(toRecord);
    },

    async get(id: string): Promise<AppRecord | null> {
      const row = await db.select().from(apps).where(eq(apps.id, id)).get();
      return row ? toRecord(row) : null;
    },

    async update(
      id: string,
      patch: {
        name?: string;
        settings?: Record<string, unknown>;
        draft?: unknown;
        mode?: 'chat' | 'workflow';
      },
    ): Promise<AppRecord | null> {
      const row = await db
        .update(apps)
        .set({ ...patch, updatedAt: now() })
        .where(eq(apps.id, id))
        .returning()
        .get();
      return row ? toRecord(row) : null;
    },

    /** Deletes the app with its versions, keys, runs and conversations (foreign keys cascade). */
    async delete(id: string): Promise<boolean> {
      const deleted = await db.delete(apps).where(eq(apps.id, id)).returning({ id: apps.id });
      return deleted.length > 0;
    },

    /**
     * Publishes the current draft as the next version, in one batch: the version number is computed
     * inside the INSERT so two concurrent publishes cannot take the same number.
     */
    async publish(id: string, draft: unknown, note: string): Promise<VersionRecord> {
      const time = now();
      const next = sql`(select coalesce(max(${appVersions.version}), 0) + 1 from ${appVersions} where ${appVersions.appId} = ${id})`;
      const [inserted] = await db.batch([
        db
          .insert(appVersions)
          .values({ appId: id, version: next, document: draft, note, createdAt: time })
          .returning({ version: appVersions.version }),
        db
          .update(apps)
          .set({
            publishedVersion: sql`(select max(${appVersions.version}) from ${appVersions} where ${appVersions.appId} = ${id})`,
            updatedAt: time,
          })
          .where(eq(apps.id, id)),
      ]);
      const version = inserted[0]?.version ?? 0;
      return { version, note, createdAt: iso(time) };
    },

    async versions(id: string): Promise<VersionRecord[]> {
      const rows = await db
        .select({ version: appVersions.version, note: appVersions.note, createdAt: appVersions.createdAt })
        .from(appVersions)
        .where(eq(appVersions.appId, id))
        .orderBy(desc(appVersions.version));
      return rows.map((row) => ({ ...row, createdAt: iso(row.createdAt) }));
    },

    /** The app with the document of its latest published version, in one round trip; null if unpublished. */
    async published(id: string): Promise<PublishedApp | null> {
      const row = await db
        .select({ app: apps, document: appVersions.document })
        .from(apps)
        .innerJoin(
          appVersions,
          and(eq(appVersions.appId, apps.id), eq(appVersions.version, apps.publishedVersion)),
        )
        .where(eq(apps.id, id))
        .get();
      if (!row || row.app.publishedVersion === null) return null;
      return { app: toRecord(row.app), version: row.app.publishedVersion, document: row.document };
    },
  };
}

export type AppStore = ReturnType<typeof createAppStore>;
