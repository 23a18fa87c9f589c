import type { Diagnostic } from '@edgeflow/graph';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as examples from '../../test/examples.ts';
import {
  appListSchema,
  appSchema,
  appVersionSchema,
  chatCompletionChunkSchema,
  chatCompletionRequestSchema,
  chatCompletionSchema,
  conversationMessageListSchema,
  createAppRequestSchema,
  createDocumentRequestSchema,
  createdKeySchema,
  createKeyRequestSchema,
  createKnowledgeBaseRequestSchema,
  type DiagnosticBody,
  diagnosticsResponseSchema,
  errorBodySchema,
  healthSchema,
  keyListSchema,
  knowledgeBaseSchema,
  knowledgeDocumentSchema,
  knowledgeQueryRequestSchema,
  knowledgeQueryResponseSchema,
  modelListSchema,
  openAiModelListSchema,
  publishRequestSchema,
  publishResponseSchema,
  putSecretRequestSchema,
  runEventSchema,
  runListSchema,
  runRecordSchema,
  runRequestSchema,
  runResultSchema,
  secretListSchema,
  templateListSchema,
  updateAppRequestSchema,
  updateKnowledgeBaseRequestSchema,
  widgetConfigSchema,
} from '../index.ts';

describe('the examples of API.md', () => {
  it('accepts the error shape, and fills in a missing details', () => {
    const error = {
      error: { code: 'snake_case_code', message: 'a sentence a person can act on', details: {} },
    };
    expect(errorBodySchema.parse(error)).toEqual(error);
    expect(
      errorBodySchema.parse({ error: { code: 'not_found', message: 'No such app.' } }).error.details,
    ).toEqual({});
  });

  it('accepts models, templates and health', () => {
    modelListSchema.parse({
      models: [
        { id: 'local:echo', provider: 'local', name: 'Echo (built in)', capabilities: ['chat'] },
        { id: 'alibaba:qwen-plus', provider: 'alibaba', name: 'Qwen Plus', capabilities: ['chat', 'tools'] },
        { id: 'compatible:llama3.1:8b', provider: 'compatible', name: 'llama3.1:8b', capabilities: ['chat'] },
      ],
    });
    templateListSchema.parse({
      templates: [{ id: 'chat-assistant', name: 'Chat assistant', description: 'A bot.', mode: 'chat' }],
    });
    expect(healthSchema.parse({ ok: true })).toEqual({ ok: true });
  });

  it('accepts app requests and answers', () => {
    createAppRequestSchema.parse({ name: 'Support bot' });
    createAppRequestSchema.parse({ name: 'Support bot', mode: 'workflow', template: 'extract-contact' });
    createAppRequestSchema.parse({ name: 'Imported', graph: examples.document });
    updateAppRequestSchema.parse({
      name: 'Renamed',
      settings: { greeting: 'Hi', allowedHosts: ['*.example.com'] },
    });
    expect(appSchema.parse(examples.app).draft.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    appListSchema.parse({ apps: [examples.app, { ...examples.app, publishedVersion: 2 }] });
    diagnosticsResponseSchema.parse(examples.diagnostics);
    diagnosticsResponseSchema.parse({ diagnostics: [] });
    publishRequestSchema.parse({});
    publishRequestSchema.parse({ note: 'Friendlier greeting' });
    publishResponseSchema.parse({ version: 1, createdAt: examples.time });
    appVersionSchema.parse({ version: 1, note: null, createdAt: examples.time });
  });

  it('accepts key requests and answers, and lists keys without the key', () => {
    createKeyRequestSchema.parse({ kind: 'secret' });
    createKeyRequestSchema.parse({ kind: 'secret', name: 'Backend' });
    createKeyRequestSchema.parse({
      kind: 'publishable',
      allowedOrigins: ['https://shop.example.com', 'http://localhost:3000'],
    });
    createdKeySchema.parse(examples.createdKey);
    const { key: _key, ...listed } = examples.createdKey;
    const list = keyListSchema.parse({ keys: [{ ...examples.createdKey }] });
    expect(list.keys[0]).toEqual(listed);
  });

  it('accepts run requests, results, events and records', () => {
    runRequestSchema.parse({ inputs: { query: '…' }, stream: true, conversationId: 'conv_abc' });
    expect(runRequestSchema.parse({})).toEqual({ inputs: {}, stream: true });
    runResultSchema.parse({
      runId: 'run_1',
      status: 'succeeded',
      outputs: { answer: 'Hi' },
      usage: examples.usage,
      elapsedMs: 10,
      conversationId: 'conv_1',
    });
    for (const event of examples.runEvents) expect(runEventSchema.parse(event)).toEqual(event);
    runEventSchema.parse({ type: 'run-start', runId: 'run_1', seq: 1, appId: 'app_1', version: null });
    runEventSchema.parse({
      type: 'run-end',
      runId: 'run_1',
      seq: 9,
      status: 'failed',
      outputs: {},
      error: { code: 'provider_error', message: 'The model failed.', nodeId: 'llm' },
      usage: { inputTokens: 0, outputTokens: 0 },
      elapsedMs: 5,
    });
    runRecordSchema.parse(examples.runRecord);
    const { steps: _steps, ...summary } = examples.runRecord;
    runListSchema.parse({ runs: [summary], nextCursor: null });
    runListSchema.parse({ runs: [], nextCursor: 'opaque' });
    conversationMessageListSchema.parse({
      messages: [{ role: 'user', content: 'Hi', runId: 'run_1', createdAt: examples.time }],
    });
  });

  it('accepts knowledge requests and answers', () => {
    createKnowledgeBaseRequestSchema.parse({ name: 'Manuals' });
    createKnowledgeBaseRequestSchema.parse({
      name: 'Manuals',
      chunking: { size: 500, overlap: 50 },
      embeddingModel: 'openai:text-embedding-3-small',
    });
    updateKnowledgeBaseRequestSchema.parse({ chunking: { size: 1000, overlap: 0 } });
    knowledgeBaseSchema.parse(examples.knowledgeBase);
    createDocumentRequestSchema.parse({ title: 'Returns', text: '# Returns\n…', type: 'markdown' });
    createDocumentRequestSchema.parse({ url: 'https://example.com/returns.html' });
    knowledgeDocumentSchema.parse(examples.knowledgeDocument);
    knowledgeQueryRequestSchema.parse({ query: '退货政策', topK: 5, mode: 'hybrid', minScore: 0.2 });
    knowledgeQueryResponseSchema.parse({
      chunks: [
        { text: 'Returns within 30 days.', score: 0.8, documentId: 'doc_1', title: 'Returns', position: 0 },
      ],
    });
  });

  it('accepts secrets, widget config and the OpenAI shapes', () => {
    putSecretRequestSchema.parse({ value: 'sk-123' });
    secretListSchema.parse({ secrets: [{ name: 'crm_token', updatedAt: examples.time }] });
    expect(widgetConfigSchema.parse({ name: 'Support bot', greeting: null, theme: {} }).theme).toEqual({
      primaryColor: '#2563eb',
      mode: 'auto',
      position: 'bottom-right',
    });
    const request = chatCompletionRequestSchema.parse({
      model: 'app_1',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hi' },
            { type: 'image_url', image_url: { url: 'x' } },
          ],
        },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
    });
    expect(request).not.toHaveProperty('temperature');
    chatCompletionSchema.parse({
      id: 'run_1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'app_1',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    chatCompletionChunkSchema.parse({
      id: 'run_1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'app_1',
      choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' }, finish_reason: null }],
    });
    openAiModelListSchema.parse({
      object: 'list',
      data: [{ id: 'app_1', object: 'model', created: 1_700_000_000, owned_by: 'edgeflow' }],
    });
  });

  it('describes every diagnostic the graph package produces', () => {
    expectTypeOf<Diagnostic>().toExtend<DiagnosticBody>();
  });

  it('lets answers gain fields, as the contract allows', () => {
    const newer = { ...examples.createdKey, lastUsedAt: examples.time };
    expect(createdKeySchema.parse(newer)).not.toHaveProperty('lastUsedAt');
  });
});
