import {
  createKnowledgeBaseRequestSchema,
  defaultChunking,
  knowledgeQueryRequestSchema,
  updateKnowledgeBaseRequestSchema,
} from '@edgeflow/api';
import { extractFile, extractText, type KnowledgeBaseRecord } from '@edgeflow/knowledge';
import { type Context, Hono } from 'hono';
import type { Env } from '../env.ts';
import { notFound } from '../http/api-error.ts';
import { readJson } from '../http/read-body.ts';
import { fetchDocument } from '../knowledge/fetch-document.ts';
import { toKnowledgeApiError } from '../knowledge/knowledge-errors.ts';
import { knowledgeServices } from '../knowledge/knowledge-services.ts';
import { pdfThroughBinding } from '../knowledge/pdf-service.ts';
import { readDocumentRequest } from '../knowledge/read-document-request.ts';
import { checkEmbeddingModel, reindexBase } from '../knowledge/reindex-base.ts';

type KnowledgeContext = Context<{ Bindings: Env }>;

/** The knowledge base in the path, or 404. */
async function requireBase(context: KnowledgeContext): Promise<KnowledgeBaseRecord> {
  const base = await knowledgeServices(context.env).bases.get(context.req.param('kbId') ?? '');
  if (!base) throw notFound('This knowledge base');
  return base;
}

/** Runs a handler, turning indexing and search failures into the contract's errors. */
const mapped = async <Result>(work: () => Promise<Result>): Promise<Result> => {
  try {
    return await work();
  } catch (error) {
    throw toKnowledgeApiError(error);
  }
};

/**
 * Knowledge bases and their documents (admin token; API.md "Knowledge bases"). Documents are always
 * reached through their base: a document id under another base is 404.
 */
export const knowledgeBaseRoutes = new Hono<{ Bindings: Env }>()
  .post('/', async (context) => {
    const body = await readJson(context, createKnowledgeBaseRequestSchema);
    const embeddingModel = body.embeddingModel ?? null;
    await mapped(() => checkEmbeddingModel(context.env, embeddingModel));
    const base = await knowledgeServices(context.env).bases.create({
      name: body.name,
      chunking: body.chunking ?? defaultChunking,
      embeddingModel,
    });
    return context.json(base, 201);
  })
  .get('/', async (context) =>
    context.json({ knowledgeBases: await knowledgeServices(context.env).bases.list() }),
  )
  .get('/:kbId', async (context) => context.json(await requireBase(context)))
  .patch('/:kbId', async (context) => {
    const body = await readJson(context, updateKnowledgeBaseRequestSchema);
    const base = await requireBase(context);
    if (body.embeddingModel !== undefined && body.embeddingModel !== base.embeddingModel)
      await mapped(() => checkEmbeddingModel(context.env, body.embeddingModel ?? null));
    const services = knowledgeServices(context.env);
    const updated = await services.bases.update(base.id, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.chunking !== undefined ? { chunking: body.chunking } : {}),
      ...(body.embeddingModel !== undefined ? { embeddingModel: body.embeddingModel } : {}),
    });
    if (!updated) throw notFound('This knowledge base');
    const chunkingChanged =
      body.chunking !== undefined &&
      (body.chunking.size !== base.chunking.size || body.chunking.overlap !== base.chunking.overlap);
    const modelChanged = body.embeddingModel !== undefined && body.embeddingModel !== base.embeddingModel;
    if (!chunkingChanged && !modelChanged) return context.json(updated);
    await reindexBase(services, updated);
    return context.json((await services.bases.get(base.id)) ?? updated);
  })
  .delete('/:kbId', async (context) => {
    const services = knowledgeServices(context.env);
    const base = await requireBase(context);
    const chunkIds = await services.documents.chunkIds({ knowledgeBaseId: base.id });
    await services.bases.delete(base.id);
    await services.indexer.removeVectors(chunkIds);
    return context.body(null, 204);
  })
  .post('/:kbId/documents', async (context) => {
    const base = await requireBase(context);
    const request = await readDocumentRequest(context);
    const document = await mapped(async () => {
      const services = knowledgeServices(context.env);
      if (request.kind === 'text') return services.indexer.add(base, extractText(request));
      const file = request.kind === 'url' ? await fetchDocument(context.env, request.url) : request.file;
      const extracted = await extractFile(file, { pdfToText: pdfThroughBinding(context.env.PDF) });
      return services.indexer.add(base, {
        ...extracted,
        sourceUrl: request.kind === 'url' ? request.url : null,
      });
    });
    return context.json(document, 201);
  })
  .get('/:kbId/documents', async (context) => {
    const base = await requireBase(context);
    return context.json({ documents: await knowledgeServices(context.env).documents.list(base.id) });
  })
  .delete('/:kbId/documents/:docId', async (context) => {
    const base = await requireBase(context);
    if (!(await knowledgeServices(context.env).indexer.remove(base.id, context.req.param('docId'))))
      throw notFound('This document');
    return context.body(null, 204);
  })
  .post('/:kbId/documents/:docId/reindex', async (context) => {
    const base = await requireBase(context);
    const services = knowledgeServices(context.env);
    const document = await services.documents.get(base.id, context.req.param('docId'));
    if (!document) throw notFound('This document');
    return context.json(await mapped(() => services.indexer.reindex(base, document)));
  })
  .post('/:kbId/query', async (context) => {
    const body = await readJson(context, knowledgeQueryRequestSchema);
    const services = knowledgeServices(context.env);
    const kbId = context.req.param('kbId');
    // The search reports which bases exist: one D1 batch answers both (a keyword query costs one round trip).
    const { bases, chunks } = await mapped(() =>
      services.retriever.searchWithBases({
        knowledgeBaseIds: [kbId],
        query: body.query,
        topK: body.topK ?? 4,
        minScore: body.minScore ?? 0,
        mode: body.mode ?? 'auto',
        documentIds: body.documentIds,
      }),
    );
    if (bases.length === 0) throw notFound('This knowledge base');
    return context.json({ chunks });
  });
