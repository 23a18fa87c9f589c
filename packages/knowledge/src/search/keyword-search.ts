import { type Database, knowledgeSchema } from '@edgeflow/db';
import { sql } from 'drizzle-orm';
import { relevanceOfBm25 } from './cosine.ts';
import { idList } from './d1-vector-index.ts';
import { matchExpression } from './segment-words.ts';
import type { SearchScope } from './vector-index.ts';

const { knowledgeChunks: chunks, knowledgeDocuments: documents } = knowledgeSchema;

/** A chunk with what a result shows of it. */
export interface ChunkDetails {
  readonly chunkId: string;
  readonly text: string;
  readonly documentId: string;
  readonly title: string;
  readonly position: number;
}

export interface KeywordHit extends ChunkDetails {
  readonly score: number;
}

const scopeFilter = (scope: SearchScope) =>
  sql`c.knowledge_base_id in (select value from json_each(${idList(scope.knowledgeBaseIds)}))${
    scope.documentIds?.length
      ? sql` and c.document_id in (select value from json_each(${idList(scope.documentIds)}))`
      : sql``
  }`;

/**
 * Keyword search with SQLite FTS5 in D1, ranked by BM25. The query is segmented into words exactly
 * as the chunks were at indexing time (Intl.Segmenter), so Chinese matches word for word; each word
 * is quoted, so nothing in a query is FTS5 syntax. The inner query ranks matches and filters them by
 * scope through the covering index `knowledge_chunks_scope` (no chunk row is read for a match that
 * does not make the top K); the outer one reads text and title of the top K only.
 */
export async function keywordSearch(db: Database, query: string, scope: SearchScope): Promise<KeywordHit[]> {
  const match = matchExpression(query);
  if (match === null || scope.knowledgeBaseIds.length === 0 || scope.topK <= 0) return [];
  const rows = await db.all<ChunkDetails & { bm25: number }>(sql`select c.id as chunkId, c.text as text,
      c.document_id as documentId, d.title as title, c.position as position, top.bm25 as bm25
    from (
      select knowledge_chunk_terms.rowid as seq, bm25(knowledge_chunk_terms) as bm25
      from knowledge_chunk_terms
      join ${chunks} c indexed by knowledge_chunks_scope on c.seq = knowledge_chunk_terms.rowid
      where knowledge_chunk_terms match ${match} and ${scopeFilter(scope)}
      order by bm25 limit ${scope.topK}
    ) top
    join ${chunks} c on c.seq = top.seq
    join ${documents} d on d.id = c.document_id
    order by top.bm25`);
  return rows.map(({ bm25, ...chunk }) => ({ ...chunk, score: relevanceOfBm25(bm25) }));
}

/** The chunks with these ids inside the scope (ids outside it, or gone, are left out). */
export async function loadChunks(
  db: Database,
  chunkIds: readonly string[],
  scope: SearchScope,
): Promise<Map<string, ChunkDetails>> {
  if (chunkIds.length === 0) return new Map();
  const rows =
    await db.all<ChunkDetails>(sql`select c.id as chunkId, c.text as text, c.document_id as documentId,
      d.title as title, c.position as position
    from ${chunks} c join ${documents} d on d.id = c.document_id
    where c.id in (select value from json_each(${idList(chunkIds)})) and ${scopeFilter(scope)}`);
  return new Map(rows.map((row) => [row.chunkId, row]));
}
