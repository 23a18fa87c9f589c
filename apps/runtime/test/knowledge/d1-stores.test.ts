import { env } from 'cloudflare:workers';
import { createDatabase, newId } from '@edgeflow/db';
import {
  createD1VectorIndex,
  createKnowledgeBaseStore,
  createKnowledgeIndexer,
  createKnowledgeRetriever,
  extractText,
} from '@edgeflow/knowledge';
import { vectorIndexCases } from '@edgeflow/knowledge/testing';
import { describe, expect, it } from 'vitest';

const db = createDatabase(env.DB);

// The shared VectorIndex cases (also run by the Vectorize store in Node), here against local D1.
vectorIndexCases('D1 vector store', () => createD1VectorIndex(db));

async function baseWith(documents: Record<string, string>, chunking = { size: 300, overlap: 0 }) {
  const base = await createKnowledgeBaseStore(db).create({ name: 'stores', chunking, embeddingModel: null });
  const indexer = createKnowledgeIndexer({ db });
  const ids: Record<string, string> = {};
  for (const [title, text] of Object.entries(documents)) {
    ids[title] = (await indexer.add(base, extractText({ title, text }))).id;
  }
  return { base, ids };
}

const keyword = (knowledgeBaseIds: string[], query: string, extra: Record<string, unknown> = {}) =>
  createKnowledgeRetriever({ db }).search({
    knowledgeBaseIds,
    query,
    topK: 5,
    minScore: 0,
    mode: 'keyword',
    ...extra,
  });

describe('keyword search (FTS5 + Intl.Segmenter, inside workerd)', () => {
  it('finds a Chinese passage for a Chinese query and an English one for an English query', async () => {
    const { base, ids } = await baseWith({
      退货: '自收到商品之日起七天内，您可以申请无理由退货。退货运费由买家承担。',
      发票: '电子发票会在订单完成后发送到您的邮箱。',
      Returns: 'You can return any item within seven days of delivery. Return shipping is paid by the buyer.',
      Invoices: 'Electronic invoices are emailed once the order is complete.',
    });
    const chinese = await keyword([base.id], '退货运费谁承担？');
    expect(chinese[0]?.documentId).toBe(ids.退货);
    const chineseInvoice = await keyword([base.id], '发票什么时候发到邮箱');
    expect(chineseInvoice[0]?.documentId).toBe(ids.发票);
    const english = await keyword([base.id], 'who pays return shipping?');
    expect(english[0]?.documentId).toBe(ids.Returns);
    for (const hit of [...chinese, ...english]) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThan(1);
    }
  });

  it('treats FTS5 syntax in a query as words, and finds nothing for punctuation only', async () => {
    const { base } = await baseWith({ Notes: 'NEAR the OR gate, AND logic "quoted" text*' });
    expect(await keyword([base.id], 'NEAR(" OR AND * ^')).toHaveLength(1);
    expect(await keyword([base.id], '？！。,,')).toEqual([]);
  });

  it('searches only the named bases and, when asked, only the named documents', async () => {
    const first = await baseWith({
      A: 'The warranty lasts two years.',
      B: 'Warranty claims need a receipt.',
    });
    const second = await baseWith({ C: 'Warranty: three years for business customers.' });
    const inFirst = await keyword([first.base.id], 'warranty');
    expect(inFirst.map((hit) => hit.documentId).sort()).toEqual([first.ids.A, first.ids.B].sort());
    const both = await keyword([first.base.id, second.base.id], 'warranty');
    expect(both).toHaveLength(3);
    const narrowed = await keyword([first.base.id], 'warranty', { documentIds: [first.ids.B] });
    expect(narrowed.map((hit) => hit.documentId)).toEqual([first.ids.B]);
    // A document id of another base does not widen the scope.
    expect(await keyword([first.base.id], 'warranty', { documentIds: [second.ids.C] })).toEqual([]);
    expect(await keyword([newId('kb')], 'warranty')).toEqual([]);
  });

  it('finds the best matches of a small base even when a big one holds hundreds of better ones', async () => {
    // The search first ranks the whole index and filters the best 100 by scope; here none of them is
    // in the small base, so it must fall back to ranking that base's matches alone.
    const paragraph = (index: number) => `Quasar quasar quasar pulsar note ${index}.`;
    const big = await baseWith(
      { Big: Array.from({ length: 150 }, (_, index) => paragraph(index)).join('\n\n') },
      { size: 60, overlap: 0 },
    );
    const small = await baseWith({
      Weak: 'A long note about telescopes, mirrors and mounts that mentions a quasar once.',
      Other: 'Nothing about the sky here.',
      Also: 'The quasar catalogue lists thousands of distant objects with mirrors.',
    });
    const inBig = await keyword([big.base.id], 'quasar');
    expect(inBig).toHaveLength(5);
    const inSmall = await keyword([small.base.id], 'quasar');
    expect(inSmall.map((hit) => hit.documentId).sort()).toEqual([small.ids.Weak, small.ids.Also].sort());
    const narrowed = await keyword([small.base.id], 'quasar mirrors', { documentIds: [small.ids.Weak] });
    expect(narrowed.map((hit) => hit.documentId)).toEqual([small.ids.Weak]);
    const both = await keyword([big.base.id, small.base.id], 'quasar', { topK: 50 });
    expect(both).toHaveLength(50);
  });

  it('applies minScore and topK', async () => {
    const { base } = await baseWith({
      One: 'apple banana cherry',
      Two: 'apple banana',
      Three: 'apple',
    });
    const all = await keyword([base.id], 'apple banana cherry');
    expect(all).toHaveLength(3);
    const top = await keyword([base.id], 'apple banana cherry', { topK: 1 });
    expect(top).toHaveLength(1);
    const strict = await keyword([base.id], 'apple banana cherry', { minScore: (all[0]?.score ?? 0) - 1e-9 });
    expect(strict).toHaveLength(1);
  });
});

describe('ingestion is all or nothing', () => {
  /** A D1 binding whose batches that write chunks fail at their last statement (after the others ran). */
  function failingChunkBatches(): D1Database {
    const sqlOf = new WeakMap<D1PreparedStatement, string>();
    const prepare = (query: string) => {
      const prepared = env.DB.prepare(query);
      const bind = prepared.bind.bind(prepared);
      return Object.assign(prepared, {
        bind: (...values: unknown[]) => {
          const bound = bind(...values);
          sqlOf.set(bound, query);
          return bound;
        },
      });
    };
    return {
      prepare,
      batch: (statements: D1PreparedStatement[]) => {
        const writesChunks = statements.some((statement) =>
          sqlOf.get(statement)?.includes('knowledge_chunks'),
        );
        const sabotage = env.DB.prepare('insert into no_such_table values (1)');
        return env.DB.batch(writesChunks ? [...statements, sabotage] : statements);
      },
      exec: (query: string) => env.DB.exec(query),
      dump: () => env.DB.dump(),
      withSession: () => env.DB.withSession(),
    } as unknown as D1Database;
  }

  it('leaves no document, text, chunk, keyword row or vector when the write fails', async () => {
    const broken = createDatabase(failingChunkBatches());
    const base = await createKnowledgeBaseStore(db).create({
      name: 'atomic',
      chunking: { size: 100, overlap: 0 },
      embeddingModel: 'local:hash',
    });
    const vectors = createD1VectorIndex(broken);
    const embed = async (_model: string, texts: readonly string[]) => ({
      vectors: texts.map((_, index) => [1, index, 0]),
    });
    const indexer = createKnowledgeIndexer({ db: broken, vectors, embed });
    const document = extractText({ title: 'Atomic', text: 'zanzibar quokka '.repeat(100) });
    await expect(indexer.add(base, document)).rejects.toThrow(/no_such_table|no such table/);
    const count = async (query: string) =>
      (await env.DB.prepare(query).bind(base.id).first<{ n: number }>())?.n;
    expect(await count('select count(*) as n from knowledge_documents where knowledge_base_id = ?')).toBe(0);
    expect(await count('select count(*) as n from knowledge_chunks where knowledge_base_id = ?')).toBe(0);
    expect(await count('select count(*) as n from knowledge_chunk_vectors where knowledge_base_id = ?')).toBe(
      0,
    );
    const parts = await env.DB.prepare(
      'select count(*) as n from knowledge_document_parts where document_id not in (select id from knowledge_documents)',
    ).first<{ n: number }>();
    expect(parts?.n).toBe(0);
    const terms = await env.DB.prepare(
      "select count(*) as n from knowledge_chunk_terms where knowledge_chunk_terms match 'zanzibar'",
    ).first<{ n: number }>();
    expect(terms?.n).toBe(0);
  });

  it('removes the keyword index rows and vectors of deleted documents and bases', async () => {
    const base = await createKnowledgeBaseStore(db).create({
      name: 'cleanup',
      chunking: { size: 100, overlap: 0 },
      embeddingModel: 'local:hash',
    });
    const vectors = createD1VectorIndex(db);
    const embed = async (_model: string, texts: readonly string[]) => ({
      vectors: texts.map(() => [1, 0, 0]),
    });
    const indexer = createKnowledgeIndexer({ db, vectors, embed });
    const first = await indexer.add(base, extractText({ title: 'One', text: 'xylophone marimba' }));
    await indexer.add(base, extractText({ title: 'Two', text: 'xylophone glockenspiel' }));
    const matches = async (word: string) =>
      (
        await env.DB.prepare(
          'select count(*) as n from knowledge_chunk_terms where knowledge_chunk_terms match ?',
        )
          .bind(word)
          .first<{ n: number }>()
      )?.n;
    expect(await matches('xylophone')).toBe(2);
    await indexer.remove(base.id, first.id);
    expect(await matches('marimba')).toBe(0);
    expect(await matches('xylophone')).toBe(1);
    await createKnowledgeBaseStore(db).delete(base.id);
    expect(await matches('xylophone')).toBe(0);
    const left = await env.DB.prepare(
      'select count(*) as n from knowledge_chunk_vectors where knowledge_base_id = ?',
    )
      .bind(base.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});
