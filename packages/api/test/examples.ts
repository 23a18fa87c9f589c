/** Example values shaped as API.md writes them, shared by the schema and client tests. */
import type { WorkflowDocumentInput } from '@edgeflow/graph';

export const document: WorkflowDocumentInput = {
  schema: 'edgeflow/workflow@1',
  name: 'Chat assistant',
  mode: 'chat',
  nodes: [
    {
      id: 'start',
      type: 'start',
      config: { inputs: [{ name: 'query', type: 'string', required: true }] },
    },
    { id: 'llm', type: 'llm', config: { model: 'local:echo', prompt: '{{start.query}}' } },
    { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'llm' },
    { id: 'e2', source: 'llm', target: 'answer' },
  ],
};

export const time = '2025-05-01T12:00:00.000Z';

export const app = {
  id: 'app_V1StGXR8Z5jdHi6B',
  name: 'Support bot',
  mode: 'chat',
  draft: document,
  publishedVersion: null,
  createdAt: time,
  updatedAt: time,
  settings: { greeting: '你好！有什么可以帮您？', theme: { primaryColor: '#2563eb' } },
};

export const diagnostics = {
  diagnostics: [
    { severity: 'error', code: 'missing_answer', message: 'A chat app needs an answer node.' },
    {
      severity: 'warning',
      code: 'unreachable_node',
      message: 'Nothing leads here.',
      nodeId: 'llm',
      path: '/nodes/1',
    },
  ],
};

export const createdKey = {
  id: 'key_abc123',
  kind: 'publishable',
  name: 'Shop widget',
  key: 'ef_pk_0123456789abcdefghijklmnop',
  prefix: 'ef_pk_0123',
  allowedOrigins: ['https://shop.example.com'],
  createdAt: time,
};

export const usage = { inputTokens: 12, outputTokens: 34 };

/** A complete run as events, in order. */
export const runEvents = [
  { type: 'run-start', runId: 'run_1', seq: 1, appId: app.id, version: 3, conversationId: 'conv_1' },
  { type: 'node-start', runId: 'run_1', seq: 2, nodeId: 'llm', nodeType: 'llm' },
  { type: 'text-delta', runId: 'run_1', seq: 3, nodeId: 'llm', delta: '你好，' },
  { type: 'text-delta', runId: 'run_1', seq: 4, nodeId: 'llm', delta: '世界 🌏\nline two' },
  {
    type: 'node-end',
    runId: 'run_1',
    seq: 5,
    nodeId: 'llm',
    status: 'succeeded',
    outputs: { text: '你好，世界 🌏\nline two' },
    elapsedMs: 120,
    usage,
    inputs: { prompt: 'Hi' },
    attempts: [
      {
        number: 1,
        model: 'alibaba:qwen-plus',
        status: 'failed',
        error: { code: 'model_rate_limited', message: 'Provider said 429.' },
        elapsedMs: 40,
      },
      { number: 2, model: 'alibaba:qwen-plus', status: 'succeeded', elapsedMs: 80 },
    ],
  },
  {
    type: 'run-end',
    runId: 'run_1',
    seq: 6,
    status: 'succeeded',
    outputs: { answer: '你好，世界 🌏\nline two' },
    usage,
    elapsedMs: 130,
  },
] as const;

export const runRecord = {
  id: 'run_1',
  appId: app.id,
  version: 3,
  status: 'succeeded',
  source: 'api',
  inputs: { query: 'Hi' },
  outputs: { answer: 'Hello' },
  error: null,
  usage,
  elapsedMs: 130,
  startedAt: time,
  endedAt: time,
  conversationId: 'conv_1',
  steps: [
    {
      nodeId: 'llm',
      nodeType: 'llm',
      status: 'succeeded',
      inputs: { prompt: 'Hi' },
      outputs: { text: 'Hello' },
      error: null,
      usage,
      startedAt: time,
      elapsedMs: 120,
    },
  ],
};

export const knowledgeBase = {
  id: 'kb_1',
  name: 'Manuals',
  chunking: { size: 800, overlap: 100 },
  embeddingModel: null,
  documentCount: 1,
  chunkCount: 12,
  createdAt: time,
};

export const knowledgeDocument = {
  id: 'doc_1',
  title: 'Returns',
  type: 'markdown',
  status: 'ready',
  chunkCount: 3,
  createdAt: time,
};
