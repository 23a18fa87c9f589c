/**
 * The platform as a user meets it: `npm start` (scripts/start.mjs → wrangler dev → workerd, local D1)
 * with a fake OpenAI-compatible model, driven over HTTP with `@edgeflow/api`'s client. One server for
 * the whole file; the tests run in order and build on each other (app → publish → key → runs → revoke).
 */
import { type ConversationId, createClient, EdgeflowApiError, type RunEvent } from '@edgeflow/api';
import { minimalPdf } from '@edgeflow/knowledge/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chainDocument, codeNode } from '../../apps/runtime/test/helpers/tool-documents.ts';
import { createFakeModelServer, type FakeModelServer } from '../fake-model/index.ts';
import { type Platform, startPlatform } from '../support/platform.ts';

const model = 'e2e-chat';
const tokens = ['Hello', ' from', ' the', ' fake', ' model'];
const answer = tokens.join('');
const interTokenDelayMs = 100;

let fake: FakeModelServer;
let platform: Platform;

beforeAll(async () => {
  fake = await createFakeModelServer();
  fake.script(model, { tokens, firstTokenLatencyMs: 50, interTokenDelayMs });
  platform = await startPlatform({
    settings: { OPENAI_COMPATIBLE_BASE_URL: fake.url, OPENAI_COMPATIBLE_MODELS: model },
  });
});

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

const admin = () => createClient({ baseUrl: platform.baseUrl, key: platform.adminToken });

/** The rejection of `promise`, which must fail with an `EdgeflowApiError`. */
async function apiError(promise: Promise<unknown>): Promise<EdgeflowApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof EdgeflowApiError))
    throw new Error(`expected an EdgeflowApiError, got ${String(error)}`);
  return error;
}

/** The fake model's chat requests since the last reset, as the platform sent them. */
function chatMessages(index: number): unknown {
  const request = fake.requests.filter((entry) => entry.path === '/v1/chat/completions')[index];
  return (request?.body as { messages?: unknown } | undefined)?.messages;
}

describe('npm start', () => {
  it('prints the URL and the admin token', () => {
    const output = platform.process.output();
    expect(output).toContain(`Edgeflow is running: http://localhost:${platform.port}/`);
    expect(output).toContain(`Admin token: ${platform.adminToken}`);
    expect(output).toContain(`http://localhost:${platform.port}/docs`);
  });

  it('answers /healthz, /openapi.json and /docs without credentials', async () => {
    const anonymous = createClient({ baseUrl: platform.baseUrl });
    expect(await anonymous.getHealth()).toEqual({ ok: true });
    const document = await anonymous.getOpenApiDocument();
    expect(String(document.openapi)).toMatch(/^3\.1/);
    expect(Object.keys(document.paths as object)).toEqual(
      expect.arrayContaining(['/v1/apps/{appId}/runs', '/api/apps', '/v1/runs/{runId}']),
    );
    const docs = await fetch(`${platform.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await docs.text()).toContain('/openapi.json');
  });

  it('reads an uploaded PDF through the PDF Worker it runs beside the runtime', async () => {
    const base = await admin().createKnowledgeBase({ name: 'Hours' });
    const pdf = new Blob([new Uint8Array(minimalPdf(['Our office opens at nine.'], 'Hours'))], {
      type: 'application/pdf',
    });
    const document = await admin().addDocument(base.id, { file: pdf, filename: 'hours.pdf' });
    expect(document).toMatchObject({ type: 'pdf', title: 'hours.pdf', status: 'ready', chunkCount: 1 });
    const { chunks } = await admin().queryKnowledgeBase(base.id, { query: 'when does the office open' });
    expect(chunks[0]?.text).toBe('Our office opens at nine.');
    const broken = new Blob([new TextEncoder().encode('%PDF-1.7 broken')], { type: 'application/pdf' });
    const refused = await apiError(admin().addDocument(base.id, { file: broken, filename: 'broken.pdf' }));
    expect([refused.status, refused.code]).toEqual([422, 'unparseable_document']);
  });

  it('refuses the management API without the admin token', async () => {
    const stranger = createClient({ baseUrl: platform.baseUrl, key: 'not-the-token' });
    expect((await apiError(stranger.listApps())).status).toBe(401);
  });

  it('lists the compatible model it was started with', async () => {
    const { models } = await admin().listModels();
    expect(models.map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['local:echo', `compatible:${model}`]),
    );
  });
});

describe('a chat app from the template, published and called with a secret key', () => {
  let appId = '';
  let key = '';
  let keyId = '';
  let streamedRunId = '';
  let conversationId: ConversationId = 'conv_';
  const user = () => createClient({ baseUrl: platform.baseUrl, key });

  it('creates the app from the chat template and switches it to the compatible model', async () => {
    const app = await admin().createApp({ name: 'E2E support bot', template: 'chat-assistant' });
    appId = app.id;
    expect(app.mode).toBe('chat');
    expect(app.publishedVersion).toBeNull();
    const draft = {
      ...app.draft,
      nodes: app.draft.nodes.map((node) =>
        node.type === 'llm' ? { ...node, config: { ...node.config, model: `compatible:${model}` } } : node,
      ),
    };
    const { diagnostics } = await admin().saveDraft(appId, draft);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('answers 404 not_published before the first publish', async () => {
    const created = await admin().createKey(appId, { kind: 'secret', name: 'early' });
    const early = createClient({ baseUrl: platform.baseUrl, key: created.key });
    const error = await apiError(early.runSync(appId, { inputs: { query: 'hi' } }));
    expect([error.status, error.code]).toEqual([404, 'not_published']);
    await admin().deleteKey(appId, created.id);
  });

  it('publishes version 1 and creates a secret key', async () => {
    const published = await admin().publish(appId, { note: 'first' });
    expect(published.version).toBe(1);
    const created = await admin().createKey(appId, { kind: 'secret', name: 'e2e' });
    expect(created.key).toBeTruthy();
    key = created.key;
    keyId = created.id;
  });

  it('streams the answer while the model is still producing it', async () => {
    fake.reset();
    fake.script(model, { tokens, firstTokenLatencyMs: 50, interTokenDelayMs });
    const started = performance.now();
    const arrivals: { event: RunEvent; at: number; modelStillReplying: boolean }[] = [];
    for await (const event of user().run(appId, { inputs: { query: 'What can you do?' } })) {
      arrivals.push({ event, at: performance.now() - started, modelStillReplying: fake.activeRequests > 0 });
    }
    const events = arrivals.map((arrival) => arrival.event);
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)?.type).toBe('run-end');
    expect(events.map((event) => event.seq)).toEqual(events.map((_event, index) => index + 1));
    const end = events.at(-1);
    expect(end?.type === 'run-end' && end.status).toBe('succeeded');
    expect(end?.type === 'run-end' && end.outputs).toEqual({ answer });

    const deltas = arrivals.filter((arrival) => arrival.event.type === 'text-delta');
    expect(deltas.map(({ event }) => (event.type === 'text-delta' ? event.delta : '')).join('')).toBe(answer);
    const [first, last] = [deltas[0], deltas.at(-1)];
    if (!first || !last) throw new Error('no text-delta arrived');
    // The first piece must reach the caller while the model is still producing the rest: through
    // wrangler dev's proxy, a buffered stream would arrive all at once after the model finished.
    expect(first.modelStillReplying).toBe(true);
    const runEndAt = arrivals.at(-1)?.at ?? 0;
    const modelSpanMs = (tokens.length - 1) * interTokenDelayMs;
    // Loose bounds, so a busy machine (the whole suite in parallel) does not make this flaky; a
    // buffered stream would put all of them within a few milliseconds of each other.
    expect(last.at - first.at).toBeGreaterThan(modelSpanMs * 0.5);
    expect(runEndAt - first.at).toBeGreaterThan(modelSpanMs * 0.5);
    const gaps = deltas.slice(1).map((delta, index) => delta.at - (deltas[index]?.at ?? 0));
    expect(gaps.filter((gap) => gap > interTokenDelayMs * 0.4).length).toBeGreaterThanOrEqual(
      gaps.length / 2,
    );

    const start = events[0];
    if (start?.type !== 'run-start') throw new Error('no run-start');
    expect(start.appId).toBe(appId);
    expect(start.version).toBe(1);
    streamedRunId = start.runId;
    if (start.conversationId === undefined) throw new Error('a chat run must start a conversation');
    conversationId = start.conversationId;
    // What the platform sent the model: the template's system prompt and the query, streamed.
    expect(fake.requests[0]?.body).toMatchObject({ model, stream: true });
    expect(chatMessages(0)).toEqual([
      expect.objectContaining({ role: 'system' }),
      { role: 'user', content: 'What can you do?' },
    ]);
  });

  it('answers with JSON once the run ends when stream is false', async () => {
    const result = await user().runSync(appId, { inputs: { query: 'And without streaming?' } });
    expect(result.status).toBe('succeeded');
    expect(result.outputs).toEqual({ answer });
    expect(result.runId).toMatch(/^run_/);
    expect(result.conversationId).toMatch(/^conv_/);
    expect(result.conversationId).not.toBe(conversationId);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('continues the conversation with its history', async () => {
    // The run's messages are written after run-end (off the token path): wait until they are there.
    await vi.waitFor(
      async () => {
        const { messages } = await user().listConversationMessages(appId, conversationId);
        expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
      },
      { timeout: 10_000, interval: 100 },
    );
    fake.reset();
    fake.script(model, { tokens: ['Sure', '.'], interTokenDelayMs: 10 });
    const result = await user().runSync(appId, { inputs: { query: 'Tell me more' }, conversationId });
    expect(result.status).toBe('succeeded');
    expect(result.conversationId).toBe(conversationId);
    expect(result.outputs).toEqual({ answer: 'Sure.' });
    expect(chatMessages(0)).toEqual([
      expect.objectContaining({ role: 'system' }),
      { role: 'user', content: 'What can you do?' },
      { role: 'assistant', content: answer },
      { role: 'user', content: 'Tell me more' },
    ]);
    await vi.waitFor(
      async () => {
        const { messages } = await user().listConversationMessages(appId, conversationId);
        expect(messages.map((message) => message.content)).toEqual([
          'What can you do?',
          answer,
          'Tell me more',
          'Sure.',
        ]);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('refuses a conversation the key does not own, and inputs the start node does not declare', async () => {
    const unknown = await apiError(
      user().runSync(appId, { inputs: { query: 'hi' }, conversationId: 'conv_doesnotexist000000' }),
    );
    expect(unknown.status).toBe(404);
    const invalid = await apiError(user().runSync(appId, { inputs: {} }));
    expect([invalid.status, invalid.code]).toEqual([422, 'invalid_inputs']);
  });

  it('reads the record of the streamed run with its steps', async () => {
    const record = await vi.waitFor(
      async () => {
        const found = await user().getRun(streamedRunId);
        expect(found.status).toBe('succeeded');
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(record).toMatchObject({
      id: streamedRunId,
      appId,
      version: 1,
      source: 'api',
      conversationId,
      inputs: { query: 'What can you do?' },
      outputs: { answer },
      error: null,
    });
    expect(record.endedAt).not.toBeNull();
    expect(record.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['start', 'succeeded'],
      ['llm', 'succeeded'],
      ['answer', 'succeeded'],
    ]);
    expect(record.steps.find((step) => step.nodeId === 'llm')?.outputs).toMatchObject({ text: answer });
    expect(await admin().getRunAsAdmin(streamedRunId)).toMatchObject({
      id: streamedRunId,
      status: 'succeeded',
    });
  });

  it('lists the runs newest first', async () => {
    await vi.waitFor(
      async () => {
        const { runs } = await admin().listRuns(appId);
        expect(runs).toHaveLength(3);
        expect(runs.every((run) => run.status === 'succeeded')).toBe(true);
      },
      { timeout: 10_000, interval: 100 },
    );
    const { runs, nextCursor } = await admin().listRuns(appId);
    expect(nextCursor).toBeNull();
    expect(runs.at(-1)?.id).toBe(streamedRunId);
    const started = runs.map((run) => Date.parse(run.startedAt));
    expect(started).toEqual([...started].sort((left, right) => right - left));
    const firstPage = await admin().listRuns(appId, { limit: 2 });
    expect(firstPage.runs).toHaveLength(2);
    expect(firstPage.nextCursor).not.toBeNull();
    const secondPage = await admin().listRuns(appId, { limit: 2, cursor: firstPage.nextCursor ?? '' });
    expect(secondPage.runs.map((run) => run.id)).toEqual([streamedRunId]);
  });

  it('sends the stream as uncompressed, uncached text/event-stream even to a client that takes gzip', async () => {
    fake.script(model, { tokens: ['ok'] });
    const response = await fetch(`${platform.baseUrl}/v1/apps/${appId}/runs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'accept-encoding': 'gzip, deflate, br',
      },
      body: JSON.stringify({ inputs: { query: 'headers?' } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('content-encoding') ?? 'identity').toBe('identity');
    expect(response.headers.get('cache-control')).toContain('no-cache');
    const body = await response.text();
    expect(body.trimEnd().split('\n\n').at(-1)).toMatch(/^id: \d+\nevent: run-end\ndata: \{/);
  });

  it('stops honouring a revoked key at once', async () => {
    await admin().deleteKey(appId, keyId);
    expect((await admin().listKeys(appId)).keys.map((entry) => entry.id)).not.toContain(keyId);
    const refused = await apiError(user().runSync(appId, { inputs: { query: 'still there?' } }));
    expect([refused.status, refused.code]).toEqual([401, 'unauthorized']);
    const streaming = user().run(appId, { inputs: { query: 'still there?' } });
    expect((await apiError(streaming.next())).status).toBe(401);
    expect((await apiError(user().getRun(streamedRunId))).status).toBe(401);
  });
});

describe('a code node that spins (while (true) {})', () => {
  /** A published workflow app from `document` and a secret key's client for it. */
  async function published(document: ReturnType<typeof chainDocument>) {
    const app = await admin().createApp({ name: document.name, graph: document });
    await admin().publish(app.id);
    const { key: secret } = await admin().createKey(app.id, { kind: 'secret', name: 'spin' });
    return { appId: app.id, client: createClient({ baseUrl: platform.baseUrl, key: secret }) };
  }

  // The guest runs in the sandbox Worker, a `wrangler dev` process of its own under `npm start` (its
  // own isolate when deployed): QuickJS can stop `while (true) {}` at the deadline but never pause it,
  // so it must not be the runtime's isolate that spins. (In the runtime's worker tests every Worker
  // shares one workerd thread, which is why this is proven here.)
  it('busies the sandbox, not the runtime: /healthz and a whole other run are served meanwhile', async () => {
    const stuck = await published(
      chainDocument(
        'busy loop',
        [codeNode('code', 'function main() { while (true) {} }', { timeoutMs: 8_000 })],
        {},
      ),
    );
    const quick = await published(chainDocument('quick', [], { result: 'quick: {{start.query}}' }));
    const order: string[] = [];
    let meanwhile: Promise<void> | undefined;
    const events: RunEvent[] = [];
    for await (const event of stuck.client.run(stuck.appId, { inputs: {} })) {
      events.push(event);
      if (event.type === 'node-start' && event.nodeId === 'code') {
        meanwhile = (async () => {
          expect(await admin().getHealth()).toEqual({ ok: true });
          const result = await quick.client.runSync(quick.appId, { inputs: { query: 'q' } });
          expect(result).toMatchObject({ status: 'succeeded', outputs: { result: 'quick: q' } });
          order.push('health and quick run');
        })();
      }
    }
    order.push('stuck code');
    await meanwhile;
    expect(events.at(-1)).toMatchObject({
      type: 'run-end',
      status: 'failed',
      error: { code: 'code_timeout', nodeId: 'code' },
    });
    expect(order).toEqual(['health and quick run', 'stuck code']);
  });
});
