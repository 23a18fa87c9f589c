import { type Database, knowledgeSchema } from '@edgeflow/db';
import { and, asc, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DocumentType } from '../extraction/extract-document.ts';
import { jsonGroups, type Statement, statement } from './run-batch.ts';

const { knowledgeChunks, knowledgeDocumentParts, knowledgeDocuments } = knowledgeSchema;

export type DocumentStatus = 'processing' | 'ready' | 'failed';

export interface DocumentRecord {
  readonly id: string;
  readonly title: string;
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly chunkCount: number;
  /** Where the document was fetched from, or `null` for an upload or JSON text. */
  readonly sourceUrl: string | null;
  /** UTF-8 bytes of the stored (extracted) text. */
  readonly textBytes: number;
  readonly createdAt: string;
  readonly error?: { readonly code: string; readonly message: string };
}

/** A chunk as stored: its id, position, text and the words FTS5 indexes. */
export interface StoredChunk {
  readonly id: string;
  readonly position: number;
  readonly text: string;
  readonly terms: string;
}

/** Characters of document text per stored part: at most 3 bytes each, under D1's 2 MB per row. */
const partLength = 500_000;

const iso = (milliseconds: number) => new Date(milliseconds).toISOString();

// octet_length() reads the length from the record header, not the (up to 1.5 MB) text of each part.
const textBytes: SQL<number> = sql<number>`(select coalesce(sum(octet_length(${knowledgeDocumentParts.text})), 0)
  from ${knowledgeDocumentParts} where ${knowledgeDocumentParts.documentId} = ${knowledgeDocuments.id})`;
const documentColumns = { ...getTableColumns(knowledgeDocuments), textBytes };

function toRecord(row: typeof knowledgeDocuments.$inferSelect & { textBytes: number }): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    status: row.status,
    chunkCount: row.chunkCount,
    sourceUrl: row.sourceUrl,
    textBytes: Number(row.textBytes),
    createdAt: iso(row.createdAt),
    ...(row.errorCode !== null ? { error: { code: row.errorCode, message: row.errorMessage ?? '' } } : {}),
  };
}

/** Statements that insert chunks, a few hundred per statement through `json_each` (one bound value). */
function insertChunks(
  db: Database,
  knowledgeBaseId: string,
  documentId: string,
  chunks: readonly StoredChunk[],
) {
  const rows = chunks.map((chunk) => [chunk.id, chunk.position, chunk.text, chunk.terms]);
  return jsonGroups(rows).map((group) =>
    statement(
      db,
      `insert into knowledge_chunks (id, knowledge_base_id, document_id, position, text, terms)
      select json_extract(value, '$[0]'), ?1, ?2, json_extract(value, '$[1]'), json_extract(value, '$[2]'),
        json_extract(value, '$[3]')
      from json_each(?3)`,
      knowledgeBaseId,
      documentId,
      group,
    ),
  );
}

/** The documents of one knowledge base; every query names the base (no document is reached by id alone). */
export function createDocumentStore(db: Database, now: () => number = Date.now) {
  return {
    async list(knowledgeBaseId: string): Promise<DocumentRecord[]> {
      const rows = await db
        .select(documentColumns)
        .from(knowledgeDocuments)
        .where(eq(knowledgeDocuments.knowledgeBaseId, knowledgeBaseId))
        .orderBy(desc(knowledgeDocuments.createdAt), desc(knowledgeDocuments.id));
      return rows.map(toRecord);
    },

    async get(knowledgeBaseId: string, documentId: string): Promise<DocumentRecord | null> {
      const row = await db
        .select(documentColumns)
        .from(knowledgeDocuments)
        .where(
          and(eq(knowledgeDocuments.knowledgeBaseId, knowledgeBaseId), eq(knowledgeDocuments.id, documentId)),
        )
        .get();
      return row ? toRecord(row) : null;
    },

    /** The extracted text of a document, for re-indexing. */
    async text(documentId: string): Promise<string> {
      const parts = await db
        .select({ text: knowledgeDocumentParts.text })
        .from(knowledgeDocumentParts)
        .where(eq(knowledgeDocumentParts.documentId, documentId))
        .orderBy(asc(knowledgeDocumentParts.part));
      return parts.map((part) => part.text).join('');
    },

    /** The ids of a document's chunks (or all of a base's), to remove their vectors. */
    async chunkIds(scope: { knowledgeBaseId: string; documentId?: string }): Promise<string[]> {
      const rows = await db
        .select({ id: knowledgeChunks.id })
        .from(knowledgeChunks)
        .where(
          scope.documentId === undefined
            ? eq(knowledgeChunks.knowledgeBaseId, scope.knowledgeBaseId)
            : and(
                eq(knowledgeChunks.knowledgeBaseId, scope.knowledgeBaseId),
                eq(knowledgeChunks.documentId, scope.documentId),
              ),
        );
      return rows.map((row) => row.id);
    },

    /** Statements that store a new, fully indexed document: run them in one batch. */
    insertStatements(input: {
      id: string;
      knowledgeBaseId: string;
      title: string;
      type: DocumentType;
      sourceUrl: string | null;
      text: string;
      chunks: readonly StoredChunk[];
    }): Statement[] {
      const time = now();
      const parts: Statement[] = [];
      for (let start = 0, part = 0; start < input.text.length; start += partLength, part += 1) {
        const text = input.text.slice(start, start + partLength);
        parts.push(
          statement(
            db,
            'insert into knowledge_document_parts (document_id, part, text) values (?, ?, ?)',
            input.id,
            part,
            text,
          ),
        );
      }
      return [
        statement(
          db,
          `insert into knowledge_documents
            (id, knowledge_base_id, title, type, status, source_url, chunk_count, created_at, updated_at)
          values (?, ?, ?, ?, 'ready', ?, ?, ?, ?)`,
          input.id,
          input.knowledgeBaseId,
          input.title,
          input.type,
          input.sourceUrl,
          input.chunks.length,
          time,
          time,
        ),
        ...parts,
        ...insertChunks(db, input.knowledgeBaseId, input.id, input.chunks),
      ];
    },

    /** Statements that swap a document's chunks for new ones (re-indexing): run them in one batch. */
    replaceChunksStatements(
      knowledgeBaseId: string,
      documentId: string,
      chunks: readonly StoredChunk[],
    ): Statement[] {
      return [
        statement(db, 'delete from knowledge_chunks where document_id = ?', documentId),
        ...insertChunks(db, knowledgeBaseId, documentId, chunks),
        statement(
          db,
          `update knowledge_documents set status = 'ready', chunk_count = ?, error_code = null, error_message = null,
            updated_at = ? where id = ?`,
          chunks.length,
          now(),
          documentId,
        ),
      ];
    },

    /** Marks a document whose re-indexing failed; its previous chunks stay searchable. */
    async markFailed(documentId: string, error: { code: string; message: string }): Promise<void> {
      await db
        .update(knowledgeDocuments)
        .set({ status: 'failed', errorCode: error.code, errorMessage: error.message, updatedAt: now() })
        .where(eq(knowledgeDocuments.id, documentId));
    },

    async delete(knowledgeBaseId: string, documentId: string): Promise<boolean> {
      const deleted = await db
        .delete(knowledgeDocuments)
        .where(
          and(eq(knowledgeDocuments.knowledgeBaseId, knowledgeBaseId), eq(knowledgeDocuments.id, documentId)),
        )
        .returning({ id: knowledgeDocuments.id });
      return deleted.length > 0;
    },
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
