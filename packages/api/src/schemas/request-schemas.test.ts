import { describe, expect, it } from 'vitest';
import * as examples from '../../test/examples.ts';
import {
  appIdSchema,
  appSettingsSchema,
  chatCompletionRequestSchema,
  createAppRequestSchema,
  createDocumentRequestSchema,
  createKeyRequestSchema,
  createKnowledgeBaseRequestSchema,
  defaultErrorCodeForStatus,
  errorCodes,
  knowledgeQueryRequestSchema,
  limits,
  prefixedIdSchema,
  publishRequestSchema,
  putSecretRequestSchema,
  secretNameSchema,
  updateAppRequestSchema,
} from '../index.ts';

function rejects(schema: { safeParse(value: unknown): { success: boolean } }, values: readonly unknown[]) {
  for (const value of values) expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(false);
}

describe('ids', () => {
  it('take their prefix and URL-safe characters only', () => {
    expect(appIdSchema.parse('app_V1St-GX_R8')).toBe('app_V1St-GX_R8');
    rejects(appIdSchema, [
      'app_',
      'run_1',
      'APP_1',
      'app_a b',
      'app_a/b',
      'app_..',
      `app_${'x'.repeat(65)}`,
      1,
    ]);
    for (const prefix of ['run_', 'key_', 'kb_', 'doc_', 'conv_'] as const) {
      expect(prefixedIdSchema(prefix).safeParse(`${prefix}1`).success).toBe(true);
      expect(prefixedIdSchema(prefix).safeParse('app_1').success).toBe(false);
    }
  });
});

describe('app requests', () => {
  it('reject unknown keys, empty or long names, and a template with a graph', () => {
    rejects(createAppRequestSchema, [
      {},
      { name: '' },
      { name: 'x'.repeat(limits.nameLength + 1) },
      { name: 'A', mode: 'agent' },
      { name: 'A', template: '../etc/passwd' },
      { name: 'A', graph: { nodes: [] } },
      { name: 'A', template: 'chat-assistant', graph: examples.document },
      { name: 'A', id: 'app_1' },
    ]);
    rejects(updateAppRequestSchema, [{ id: 'app_1' }, { draft: examples.document }, { name: '' }]);
  });

  it('keep settings strict', () => {
    rejects(appSettingsSchema, [
      { greting: 'typo' },
      { theme: { primaryColor: 'red' } },
      { theme: { font: 'Comic Sans' } },
      { greeting: 'x'.repeat(limits.greetingLength + 1) },
      { allowedHosts: ['https://example.com'] },
      { allowedHosts: ['Example.com'] },
      { allowedHosts: ['example.com:8080'] },
      { suggestedQuestions: Array.from({ length: limits.suggestedQuestionCount + 1 }, () => 'Why?') },
    ]);
    expect(appSettingsSchema.parse({})).toEqual({});
  });

  it('bound the publish note', () => {
    rejects(publishRequestSchema, [{ note: 'x'.repeat(limits.noteLength + 1) }, { note: 1 }, { version: 2 }]);
  });
});

describe('key requests', () => {
  it('need origins exactly as browsers send them, and only on publishable keys', () => {
    rejects(createKeyRequestSchema, [
      { kind: 'publishable' },
      { kind: 'publishable', allowedOrigins: [] },
      { kind: 'secret', allowedOrigins: ['https://shop.example.com'] },
      { kind: 'admin' },
      { kind: 'publishable', allowedOrigins: ['https://shop.example.com/'] },
      { kind: 'publishable', allowedOrigins: ['https://Shop.example.com'] },
      { kind: 'publishable', allowedOrigins: ['https://shop.example.com:443'] },
      { kind: 'publishable', allowedOrigins: ['*'] },
      { kind: 'publishable', allowedOrigins: ['null'] },
      { kind: 'publishable', allowedOrigins: ['ftp://shop.example.com'] },
      {
        kind: 'publishable',
        allowedOrigins: Array.from({ length: limits.originCount + 1 }, (_, i) => `https://s${i}.example.com`),
      },
      { kind: 'secret', key: 'chosen-by-me' },
    ]);
    expect(
      createKeyRequestSchema.safeParse({ kind: 'publishable', allowedOrigins: ['http://[::1]:8080'] })
        .success,
    ).toBe(true);
  });
});

describe('knowledge requests', () => {
  it('reject bad chunking, documents and queries', () => {
    rejects(createKnowledgeBaseRequestSchema, [
      { name: 'K', chunking: { size: 100, overlap: 100 } },
      { name: 'K', chunking: { size: 10, overlap: 0 } },
      { name: 'K', chunking: { size: 500 } },
      { name: 'K', embeddingModel: 'text-embedding' },
    ]);
    rejects(createDocumentRequestSchema, [
      { title: 'T' },
      { title: 'T', text: '' },
      { title: 'T', text: 'x', type: 'pdf' },
      { title: 'T', text: 'x'.repeat(limits.documentTextLength + 1) },
      { url: 'file:///etc/passwd' },
      { url: 'javascript:alert(1)' },
      { url: 'https://example.com', title: 'T', text: 'x' },
    ]);
    rejects(knowledgeQueryRequestSchema, [
      { query: '' },
      { query: 'x'.repeat(limits.queryLength + 1) },
      { query: 'q', topK: 0 },
      { query: 'q', topK: limits.topK + 1 },
      { query: 'q', mode: 'semantic' },
      { query: 'q', minScore: -1 },
    ]);
  });
});

describe('secrets and chat completions', () => {
  it('reject names that a template could not reference, and huge values', () => {
    rejects(secretNameSchema, ['', 'has space', '1st', 'a-b', 'x'.repeat(65)]);
    rejects(putSecretRequestSchema, [{ value: '' }, { value: 'x'.repeat(limits.secretValueLength + 1) }, {}]);
  });

  // Any model name parses: the runtime answers one that is not the key's chat app with OpenAI's
  // 404 model_not_found, as OpenAI does, rather than a schema error.
  it('reject requests without a model or messages', () => {
    rejects(chatCompletionRequestSchema, [
      { model: '', messages: [{ role: 'user', content: 'Hi' }] },
      { messages: [{ role: 'user', content: 'Hi' }] },
      { model: 'app_1', messages: [] },
      { model: 'app_1', messages: [{ role: 'robot', content: 'Hi' }] },
      {
        model: 'app_1',
        messages: Array.from({ length: limits.chatMessageCount + 1 }, () => ({ role: 'user', content: 'a' })),
      },
    ]);
  });
});

describe('error codes', () => {
  it('are snake_case, and a status without its own code gets http_<status>', () => {
    for (const code of Object.keys(errorCodes)) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(defaultErrorCodeForStatus(404)).toBe('not_found');
    expect(defaultErrorCodeForStatus(502)).toBe('provider_error');
    expect(defaultErrorCodeForStatus(418)).toBe('http_418');
  });
});
