import { type Database, knowledgeSchema } from '@edgeflow/db';
import { sql } from 'drizzle-orm';
import { queryBatch, type Statement, statement } from '../store/run-batch.ts';
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

/** A row of a `keywordStatement`: the chunk and its BM25 (negative, lower is better). */
export type KeywordRow = ChunkDetails & { readonly bm25: number };

export interface KeywordHit extends ChunkDetails {
  readonly score: number;
}

const scopeFilter = (scope: SearchScope) =>
  sql`c.knowledge_base_id in (select value from json_each(${idList(scope.knowledgeBaseIds)}))${
    scope.documentIds?.length
      ? sql` and c.document_id in (select value from json_each(${idList(scope.documentIds)}))`
      : sql``
  }`;

/** How many best matches of the whole index the fast path ranks before it applies the scope. */
const unscopedCandidates = (topK: number) => Math.max(100, topK * 4);

// ?1 match expression, ?2 top K, ?3 unscoped candidates, ?4 base ids (JSON), ?5 document ids (JSON or null).
const scopeSql = `c.knowledge_base_id in (select value from json_each(?4))
  and (?5 is null or c.document_id in (select value from json_each(?5)))`;

/**
 * BM25 (FTS5's `bm25()`) is most of a keyword query's cost, and FTS5 computes it for every match, so
 * the scope is applied where it costs least. Fast path: rank all matches in the index (no per-match
 * scope look-up), keep the best `?3`, and filter those by scope. That is exact whenever it leaves K
 * chunks (the best-ranked in-scope matches are then all among the best `?3` overall) or when the
 * index had no more matches; otherwise (a small base next to big ones) the slow path ranks only
 * in-scope matches, through the covering index `knowledge_chunks_scope`. SQLite evaluates the
 * constant condition on `fast` once, so only one of the two paths scans the index. Chunk text and
 * title are read for the top K only.
 */
const keywordSql = `with ranked as materialized (
    select rowid as seq, bm25(knowledge_chunk_terms) as bm25 from knowledge_chunk_terms
    where knowledge_chunk_terms match ?1 order by bm25 limit ?3
  ),
  fast as materialized (
    select r.seq, r.bm25 from ranked r join knowledge_chunks c on c.seq = r.seq
    where ${scopeSql} order by r.bm25 limit ?2
  ),
  exact as materialized (
    select (select count(*) from fast) >= ?2 or (select count(*) from ranked) < ?3 as done
  ),
  top as (
    select seq, bm25 from fast where (select done from exact)
    union all
    select * from (
      select knowledge_chunk_terms.rowid as seq, bm25(knowledge_chunk_terms) as bm25
      from knowledge_chunk_terms
      join knowledge_chunks c indexed by knowledge_chunks_scope on c.seq = knowledge_chunk_terms.rowid
      where knowledge_chunk_terms match ?1 and ${scopeSql} and not (select done from exact)
      order by bm25 limit ?2
    )
  )
  select c.id as chunkId, c.text as text, c.document_id as documentId, d.title as title,
    c.position as position, top.bm25 as bm25
  from top join knowledge_chunks c on c.seq = top.seq join knowledge_documents d on d.id = c.document_id
  order by top.bm25`;

/**
 * Keyword search as one D1 statement, to run alone or in a batch with other reads (one round trip);
 * null when the query has no words or the scope is empty (nothing to find). The query is segmented
 * into words exactly as the chunks were at indexing time (Intl.Segmenter), so Chinese matches word
 * for word; each word is quoted, so nothing in a query is FTS5 syntax.
 */
export function keywordStatement(db: Database, query: string, scope: SearchScope): Statement | null {
  const match = matchExpression(query);
  if (match === null || scope.knowledgeBaseIds.length === 0 || scope.topK <= 0) return null;
  return statement(
    db,
    keywordSql,
    match,
    scope.topK,
    unscopedCandidates(scope.topK),
    idList(scope.knowledgeBaseIds),
    scope.documentIds?.length ? idList(scope.documentIds) : null,
  );
}

/** The rows of a `keywordStatement` as hits, best first, scored s / (s + 1) from BM25. */
export const keywordHits = (rows: readonly KeywordRow[]): KeywordHit[] =>
  rows.map(({ bm25, ...chunk }) => ({ ...chunk, score: relevanceOfBm25(bm25) }));

/** Keyword search with SQLite FTS5 in D1, ranked by BM25 (see `keywordStatement`). */
export async function keywordSearch(db: Database, query: string, scope: SearchScope): Promise<KeywordHit[]> {
  const found = keywordStatement(db, query, scope);
  if (found === null) return [];
  const [rows = []] = await queryBatch<KeywordRow>(db, [found]);
  return keywordHits(rows);
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
