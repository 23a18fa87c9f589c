import { type Database, knowledgeSchema, newId } from '@edgeflow/db';
import { desc, eq, sql } from 'drizzle-orm';
import type { ChunkingSettings } from '../chunking/chunk-text.ts';
import { queryBatch, type Statement, statement } from './run-batch.ts';

const { knowledgeBases } = knowledgeSchema;

export interface KnowledgeBaseRecord {
  readonly id: string;
  readonly name: string;
  readonly chunking: ChunkingSettings;
  readonly embeddingModel: string | null;
  readonly documentCount: number;
  readonly chunkCount: number;
  readonly createdAt: string;
}

/** What search needs to know about a knowledge base. */
export interface KnowledgeBaseSearchInfo {
  readonly id: string;
  readonly embeddingModel: string | null;
}

/**
 * The `searchInfo` read as one D1 statement, so a search can run it in the same batch as its own
 * query (one round trip for both).
 */
export const searchInfoStatement = (db: Database, ids: readonly string[]): Statement =>
  statement(
    db,
    'select id, embedding_model as embeddingModel from knowledge_bases where id in (select value from json_each(?))',
    JSON.stringify(ids),
  );

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

const columns = {
  id: knowledgeBases.id,
  name: knowledgeBases.name,
  chunkSize: knowledgeBases.chunkSize,
  chunkOverlap: knowledgeBases.chunkOverlap,
  embeddingModel: knowledgeBases.embeddingModel,
  createdAt: knowledgeBases.createdAt,
  // Qualified by hand: drizzle writes a single table's columns unqualified, which a subquery would misread.
  documentCount: sql<number>`(select count(*) from knowledge_documents as d where d.knowledge_base_id = "knowledge_bases"."id")`,
  chunkCount: sql<number>`(select count(*) from knowledge_chunks as c where c.knowledge_base_id = "knowledge_bases"."id")`,
};

interface Row {
  id: string;
  name: string;
  chunkSize: number;
  chunkOverlap: number;
  embeddingModel: string | null;
  createdAt: number;
  documentCount: number;
  chunkCount: number;
}

function toRecord(row: Row): KnowledgeBaseRecord {
  return {
    id: row.id,
    name: row.name,
    chunking: { size: row.chunkSize, overlap: row.chunkOverlap },
    embeddingModel: row.embeddingModel,
    documentCount: Number(row.documentCount),
    chunkCount: Number(row.chunkCount),
    createdAt: iso(row.createdAt),
  };
}

/**
 * Knowledge bases with their document and chunk counts. The management API is single-tenant (the
 * admin token owns everything), so ids are global; callers resolve a base before touching its
 * documents, and every document query below is scoped to its base.
 */
export function createKnowledgeBaseStore(db: Database, now: () => number = Date.now) {
  const select = () => db.select(columns).from(knowledgeBases);
  return {
    async create(input: { name: string; chunking: ChunkingSettings; embeddingModel: string | null }) {
      const time = now();
      const id = newId('kb');
      await db.insert(knowledgeBases).values({
        id,
        name: input.name,
        chunkSize: input.chunking.size,
        chunkOverlap: input.chunking.overlap,
        embeddingModel: input.embeddingModel,
        createdAt: time,
        updatedAt: time,
      });
      return toRecord({
        id,
        name: input.name,
        chunkSize: input.chunking.size,
        chunkOverlap: input.chunking.overlap,
        embeddingModel: input.embeddingModel,
        createdAt: time,
        documentCount: 0,
        chunkCount: 0,
      });
    },

    async list(): Promise<KnowledgeBaseRecord[]> {
      const rows = await select().orderBy(desc(knowledgeBases.createdAt), desc(knowledgeBases.id));
      return rows.map(toRecord);
    },

    async get(id: string): Promise<KnowledgeBaseRecord | null> {
      const row = await select().where(eq(knowledgeBases.id, id)).get();
      return row ? toRecord(row) : null;
    },

    /** The named bases that exist (others are left out), with their embedding models. */
    async searchInfo(ids: readonly string[]): Promise<KnowledgeBaseSearchInfo[]> {
      if (ids.length === 0) return [];
      const [rows = []] = await queryBatch<KnowledgeBaseSearchInfo>(db, [searchInfoStatement(db, ids)]);
      return rows;
    },

    async update(
      id: string,
      patch: { name?: string; chunking?: ChunkingSettings; embeddingModel?: string | null },
    ): Promise<KnowledgeBaseRecord | null> {
      const values = {
        updatedAt: now(),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.chunking !== undefined
          ? { chunkSize: patch.chunking.size, chunkOverlap: patch.chunking.overlap }
          : {}),
        ...(patch.embeddingModel !== undefined ? { embeddingModel: patch.embeddingModel } : {}),
      };
      const updated = await db
        .update(knowledgeBases)
        .set(values)
        .where(eq(knowledgeBases.id, id))
        .returning({ id: knowledgeBases.id });
      return updated.length === 0 ? null : this.get(id);
    },

    /** Deletes a base; its documents, chunks, keyword index rows and local vectors go with it. */
    async delete(id: string): Promise<boolean> {
      const deleted = await db
        .delete(knowledgeBases)
        .where(eq(knowledgeBases.id, id))
        .returning({ id: knowledgeBases.id });
      return deleted.length > 0;
    },
  };
}
export type KnowledgeBaseStore = ReturnType<typeof createKnowledgeBaseStore>;
