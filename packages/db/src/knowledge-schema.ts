import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The ordinary tables of migrations/0002_knowledge_bases.sql (written by hand: the FTS5 index
// `knowledge_chunk_terms` and its triggers are raw SQL). Kept apart from schema.ts so that work on
// knowledge bases and on the rest of the schema merges cleanly.

const timestamp = (name: string) => integer(name, { mode: 'number' });

export const knowledgeBases = sqliteTable('knowledge_bases', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  chunkSize: integer('chunk_size').notNull(),
  chunkOverlap: integer('chunk_overlap').notNull(),
  embeddingModel: text('embedding_model'),
  createdAt: timestamp('created_at').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

export const knowledgeDocuments = sqliteTable(
  'knowledge_documents',
  {
    id: text('id').primaryKey(),
    knowledgeBaseId: text('knowledge_base_id')
      .notNull()
      .references(() => knowledgeBases.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    type: text('type', { enum: ['text', 'markdown', 'html', 'pdf'] }).notNull(),
    status: text('status', { enum: ['processing', 'ready', 'failed'] }).notNull(),
    sourceUrl: text('source_url'),
    chunkCount: integer('chunk_count').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (table) => [index('knowledge_documents_base').on(table.knowledgeBaseId, table.createdAt)],
);

/** A document's extracted text in parts (a D1 row holds at most 2 MB), kept for re-indexing. */
export const knowledgeDocumentParts = sqliteTable(
  'knowledge_document_parts',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
    part: integer('part').notNull(),
    text: text('text').notNull(),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.part] })],
);

export const knowledgeChunks = sqliteTable(
  'knowledge_chunks',
  {
    /** The rowid the FTS5 index `knowledge_chunk_terms` refers to. */
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    knowledgeBaseId: text('knowledge_base_id').notNull(),
    documentId: text('document_id')
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** The text segmented into words, as FTS5 indexes it. */
    terms: text('terms').notNull(),
  },
  (table) => [
    uniqueIndex('knowledge_chunks_id').on(table.id),
    index('knowledge_chunks_document').on(table.documentId, table.position),
    index('knowledge_chunks_base').on(table.knowledgeBaseId),
    index('knowledge_chunks_scope').on(table.seq, table.knowledgeBaseId, table.documentId),
  ],
);

/** The local vector store (Vectorize in production): float32 vectors, base64. */
export const knowledgeChunkVectors = sqliteTable(
  'knowledge_chunk_vectors',
  {
    chunkId: text('chunk_id').primaryKey(),
    knowledgeBaseId: text('knowledge_base_id').notNull(),
    documentId: text('document_id').notNull(),
    vector: text('vector').notNull(),
  },
  (table) => [index('knowledge_chunk_vectors_base').on(table.knowledgeBaseId)],
);
