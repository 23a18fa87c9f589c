import type {
  KnowledgeBase,
  KnowledgeBaseList,
  KnowledgeDocument,
  KnowledgeDocumentList,
} from '@edgeflow/api';
import { minimalPdf } from '@edgeflow/knowledge/testing';
import { describe, expect, inject, it } from 'vitest';
import type { Env } from '../../src/env.ts';
import { adminJson, adminRequest, publishedAppWithKey } from '../helpers/admin.ts';
import { chatDocument } from '../helpers/documents.ts';
import { expectError } from '../helpers/expect-error.ts';
import { compatible, fakeModels, scriptModel } from '../helpers/fake-model.ts';
import { request, testEnv } from '../helpers/worker.ts';
import { addText, createBase, query, uploadBody } from './knowledge-helpers.ts';

const refundPolicy = `# Refund policy

Refunds are paid back to the original card within five working days.

## Exceptions

Gift cards cannot be refunded.`;

describe('knowledge bases: create, list, rename, delete', () => {
  it('creates with default chunking, lists, renames, and deletes with everything in it', async () => {
    const base = await createBase({ name: 'Help center' });
    expect(base).toMatchObject({
      name: 'Help center',
      chunking: { size: 800, overlap: 100 },
      embeddingModel: null,
      documentCount: 0,
      chunkCount: 0,
    });
    expect(base.id).toMatch(/^kb_/);
    const list = await adminJson<KnowledgeBaseList>('/api/knowledge-bases');
    expect(list.knowledgeBases.map((item) => item.id)).toContain(base.id);
    const renamed = await adminJson<KnowledgeBase>(`/api/knowledge-bases/${base.id}`, {
      method: 'PATCH',
      json: { name: 'FAQ' },
    });
    expect(renamed.name).toBe('FAQ');
    await addText(base.id, 'Refunds', refundPolicy, 'markdown');
    expect((await adminRequest(`/api/knowledge-bases/${base.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectError(await adminRequest(`/api/knowledge-bases/${base.id}`), 404, 'not_found');
    await expectError(
      await adminRequest(`/api/knowledge-bases/${base.id}/query`, {
        method: 'POST',
        json: { query: 'refund' },
      }),
      404,
    );
  });

  it('refuses a bad chunking setting and an embedding model that cannot embed', async () => {
    const bad = await adminRequest('/api/knowledge-bases', {
      method: 'POST',
      json: { name: 'x', chunking: { size: 200, overlap: 200 } },
    });
    await expectError(bad, 400, 'invalid_request');
    const unknown = await adminRequest('/api/knowledge-bases', {
      method: 'POST',
      json: { name: 'x', embeddingModel: 'openai:text-embedding-3-small' },
    });
    await expectError(unknown, 422, 'invalid_embedding_model');
  });
});

describe('documents', () => {
  it('adds Markdown, counts chunks, keeps structure, and finds it by keyword', async () => {
    const base = await createBase({ chunking: { size: 100, overlap: 0 } });
    const document = await addText(base.id, 'Refunds', refundPolicy, 'markdown');
    expect(document).toMatchObject({
      title: 'Refunds',
      type: 'markdown',
      status: 'ready',
      chunkCount: 2,
      sourceUrl: null,
      textBytes: new TextEncoder().encode(refundPolicy).byteLength,
    });
    const { chunks } = await query(base.id, { query: 'gift cards refunded?' });
    expect(chunks[0]).toMatchObject({ documentId: document.id, title: 'Refunds', position: 1 });
    expect(chunks[0]?.text).toBe('## Exceptions\n\nGift cards cannot be refunded.');
    expect(chunks[0]?.score).toBeGreaterThan(0);
    expect(chunks[0]?.score).toBeLessThan(1);
    const listed = await adminJson<KnowledgeDocumentList>(`/api/knowledge-bases/${base.id}/documents`);
    expect(listed.documents).toEqual([document]);
    const after = await adminJson<KnowledgeBase>(`/api/knowledge-bases/${base.id}`);
    expect(after).toMatchObject({ documentCount: 1, chunkCount: 2 });
  });

  const uploadTo = (kbId: string, body: FormData) =>
    adminRequest(`/api/knowledge-bases/${kbId}/documents`, { method: 'POST', body });

  it('uploads HTML and PDF files, judged by content and not by name or declared type', async () => {
    const base = await createBase();
    const html =
      '<html><head><title>Shipping</title></head><body><h1>Shipping</h1><p>We ship worldwide.</p></body></html>';
    const page = await uploadTo(
      base.id,
      uploadBody(new TextEncoder().encode(html), 'ship.html', 'text/html'),
    );
    expect(page.status).toBe(201);
    expect(await page.json()).toMatchObject({ title: 'ship.html', type: 'html', chunkCount: 1 });
    const pdf = minimalPdf(['Our office opens at nine.'], 'Hours');
    const response = await uploadTo(base.id, uploadBody(pdf, 'hours.txt', 'text/plain', 'Opening hours'));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ type: 'pdf', title: 'Opening hours', chunkCount: 1 });
    const { chunks } = await query(base.id, { query: 'when does the office open' });
    expect(chunks[0]?.text).toBe('Our office opens at nine.');
  });

  it('refuses binary, empty, unparseable and blank documents, storing none of them', async () => {
    const base = await createBase();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectError(
      await uploadTo(base.id, uploadBody(png, 'notes.md', 'text/markdown')),
      415,
      'unsupported_document',
    );
    await expectError(
      await uploadTo(base.id, uploadBody(new Uint8Array(), 'empty.txt', 'text/plain')),
      422,
      'empty_document',
    );
    const fakePdf = uploadBody(new TextEncoder().encode('%PDF-1.7 broken'), 'x.pdf', 'application/pdf');
    await expectError(await uploadTo(base.id, fakePdf), 422, 'unparseable_document');
    const blank = await adminRequest(`/api/knowledge-bases/${base.id}/documents`, {
      method: 'POST',
      json: { title: 'blank', text: '   \n  ' },
    });
    await expectError(blank, 422, 'empty_document');
    const documents = await adminJson<KnowledgeDocumentList>(`/api/knowledge-bases/${base.id}/documents`);
    expect(documents.documents).toEqual([]);
  });

  it('reads PDFs through the PDF Worker binding; without it only PDF files fail, with 503', async () => {
    const base = await createBase();
    const pdf = minimalPdf(['Parcels leave on Mondays.'], 'Dispatch');
    const bound = await uploadTo(base.id, uploadBody(pdf, 'dispatch.pdf', 'application/pdf'));
    expect(bound.status).toBe(201);
    expect(await bound.json()).toMatchObject({ type: 'pdf', title: 'dispatch.pdf', chunkCount: 1 });
    // Deployed without the PDF Worker: no binding at all.
    const unbound: Env = { ...testEnv, PDF: undefined };
    const missing = await expectError(
      await adminRequest(`/api/knowledge-bases/${base.id}/documents`, {
        method: 'POST',
        body: uploadBody(pdf, 'dispatch.pdf', 'application/pdf'),
        env: unbound,
      }),
      503,
      'unavailable',
    );
    expect(missing.message).toContain('PDF Worker');
    const text = await adminRequest(`/api/knowledge-bases/${base.id}/documents`, {
      method: 'POST',
      json: { title: 'Notes', text: 'Still indexed without the PDF Worker.' },
      env: unbound,
    });
    expect(text.status).toBe(201);
    // A binding whose Worker is not running (`wrangler dev` of the runtime alone) rejects every call.
    const notRunning: Env = {
      ...testEnv,
      PDF: { extract: () => Promise.reject(new Error('Service edgeflow-pdf is not running')) },
    };
    const failed = await expectError(
      await adminRequest(`/api/knowledge-bases/${base.id}/documents`, {
        method: 'POST',
        body: uploadBody(pdf, 'dispatch.pdf', 'application/pdf'),
        env: notRunning,
      }),
      503,
      'unavailable',
    );
    expect(failed.message).not.toContain('Service edgeflow-pdf');
    const documents = await adminJson<KnowledgeDocumentList>(`/api/knowledge-bases/${base.id}/documents`);
    expect(documents.documents.map((document) => document.title).sort()).toEqual(['Notes', 'dispatch.pdf']);
  });

  it('refuses a file over 5 MiB with 413 and says the limit', async () => {
    const base = await createBase();
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61);
    const tooLarge = await expectError(
      await uploadTo(base.id, uploadBody(big, 'big.txt', 'text/plain')),
      413,
      'document_too_large',
    );
    expect(tooLarge.message).toContain('5 MiB');
  });

  it('fetches a URL through the guarded egress: private addresses refused, allowed ones indexed', async () => {
    const base = await createBase();
    const add = (url: string, env = testEnv) =>
      request(`/api/knowledge-bases/${base.id}/documents`, {
        method: 'POST',
        json: { url },
        token: 'test-admin-token',
        env,
      });
    const metadata = await expectError(
      await add('http://169.254.169.254/latest/meta-data'),
      422,
      'url_refused',
    );
    expect(metadata.message).toMatch(/metadata|refused/i);
    await expectError(await add('http://127.0.0.1:1/doc.txt'), 422, 'url_refused');
    // The tests' fake model server stands in for a web server; only this env may reach private addresses.
    const modelsUrl = `${inject('fakeModelUrl')}/models`;
    const fetched = await add(modelsUrl, { ...testEnv, EGRESS_ALLOW_PRIVATE: 'true' });
    expect(fetched.status).toBe(201);
    expect(await fetched.json()).toMatchObject({
      title: 'models',
      type: 'text',
      status: 'ready',
      sourceUrl: modelsUrl,
    });
  });

  it('deletes and re-indexes documents; ids under another base are 404', async () => {
    const base = await createBase({ chunking: { size: 100, overlap: 0 } });
    const other = await createBase();
    const document = await addText(base.id, 'Refunds', refundPolicy, 'markdown');
    await expectError(
      await adminRequest(`/api/knowledge-bases/${other.id}/documents/${document.id}`, { method: 'DELETE' }),
      404,
    );
    await expectError(
      await adminRequest(`/api/knowledge-bases/${other.id}/documents/${document.id}/reindex`, {
        method: 'POST',
      }),
      404,
    );
    const reindexed = await adminJson<KnowledgeDocument>(
      `/api/knowledge-bases/${base.id}/documents/${document.id}/reindex`,
      { method: 'POST' },
    );
    expect(reindexed).toMatchObject({ id: document.id, status: 'ready', chunkCount: 2 });
    expect(
      (await adminRequest(`/api/knowledge-bases/${base.id}/documents/${document.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    expect((await query(base.id, { query: 'gift cards' })).chunks).toEqual([]);
    expect(await adminJson<KnowledgeBase>(`/api/knowledge-bases/${base.id}`)).toMatchObject({
      documentCount: 0,
      chunkCount: 0,
    });
  });

  it('changes chunking and re-indexes in place, keeping document ids', async () => {
    const base = await createBase({ chunking: { size: 800, overlap: 0 } });
    const document = await addText(base.id, 'Refunds', refundPolicy, 'markdown');
    expect(document.chunkCount).toBe(2);
    const long = await addText(base.id, 'Long', 'word '.repeat(400));
    expect(long.chunkCount).toBe(3);
    const updated = await adminJson<KnowledgeBase>(`/api/knowledge-bases/${base.id}`, {
      method: 'PATCH',
      json: { chunking: { size: 200, overlap: 20 } },
    });
    expect(updated.chunking).toEqual({ size: 200, overlap: 20 });
    const { documents } = await adminJson<KnowledgeDocumentList>(`/api/knowledge-bases/${base.id}/documents`);
    const longAfter = documents.find((item) => item.id === long.id);
    expect(longAfter?.chunkCount).toBeGreaterThanOrEqual(10);
    expect(updated.chunkCount).toBe(2 + (longAfter?.chunkCount ?? 0));
  });
});

describe('vector and hybrid search with an embedding model', () => {
  it('embeds through the provider, searches by vector, fuses for hybrid, filters by document', async () => {
    const base = await createBase({ embeddingModel: compatible(fakeModels.embedding) });
    const refunds = await addText(base.id, 'Refunds', refundPolicy, 'markdown');
    const shipping = await addText(base.id, '配送', '我们在三个工作日内发货。国际订单需要十天。');
    const vector = await query(base.id, { query: '国际订单 发货', mode: 'vector' });
    expect(vector.chunks[0]?.documentId).toBe(shipping.id);
    const hybrid = await query(base.id, { query: '国际订单需要几天', topK: 2 });
    expect(hybrid.chunks[0]?.documentId).toBe(shipping.id);
    expect(hybrid.chunks[0]?.score).toBeLessThanOrEqual(1);
    const filtered = await query(base.id, {
      query: '国际订单需要几天',
      documentIds: [refunds.id],
      mode: 'vector',
    });
    expect(filtered.chunks.every((chunk) => chunk.documentId === refunds.id)).toBe(true);
    const strict = await query(base.id, { query: '国际订单需要几天', mode: 'vector', minScore: 0.99 });
    expect(strict.chunks).toEqual([]);
  });

  it('answers 422 for vector search without a model, and 502 with no document stored when embedding fails', async () => {
    const plain = await createBase();
    await expectError(
      await adminRequest(`/api/knowledge-bases/${plain.id}/query`, {
        method: 'POST',
        json: { query: 'x', mode: 'vector' },
      }),
      422,
      'embedding_model_required',
    );
    const base = await createBase({ embeddingModel: compatible(fakeModels.embeddingDown) });
    // The model worked for the probe at creation; now it refuses every request (a 400 is not retried).
    await scriptModel(fakeModels.embeddingDown, { status: 400 });
    const failed = await adminRequest(`/api/knowledge-bases/${base.id}/documents`, {
      method: 'POST',
      json: { title: 'Refunds', text: refundPolicy },
    });
    await expectError(failed, 502, 'provider_error');
    expect(await adminJson<KnowledgeBase>(`/api/knowledge-bases/${base.id}`)).toMatchObject({
      documentCount: 0,
      chunkCount: 0,
    });
  });
});

describe('who may reach a knowledge base', () => {
  it('refuses app keys on every knowledge route (admin only)', async () => {
    const base = await createBase();
    const { key } = await publishedAppWithKey(chatDocument({ name: 'kb key check' }));
    const response = await request(`/api/knowledge-bases/${base.id}/query`, {
      method: 'POST',
      json: { query: 'refund' },
      token: key,
    });
    await expectError(response, 401, 'unauthorized');
    await expectError(
      await request(`/v1/knowledge-bases/${base.id}/query`, {
        method: 'POST',
        json: { query: 'x' },
        token: key,
      }),
      404,
    );
  });
});
