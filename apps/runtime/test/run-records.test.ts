import { type RunList, type RunRecord, runListSchema, runRecordSchema } from '@edgeflow/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminJson, adminRequest, createKey, publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument, workflowDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { runPath, runToEnd, streamRun } from './helpers/run-stream.ts';
import { adminToken, request } from './helpers/worker.ts';

const shop = 'https://shop.example';

describe('a run record', () => {
  let app: Awaited<ReturnType<typeof publishedAppWithKey>>;
  let runId: string;

  beforeAll(async () => {
    app = await publishedAppWithKey(chatDocument({ nodes: 4, name: 'Recorded' }));
    const events = await streamRun(runPath(app.app.id), app.key, { inputs: { query: 'record me' } });
    runId = events[0]?.runId ?? '';
  });

  it('holds inputs, outputs, usage and every step (GET /api/runs/{runId})', async () => {
    const record = await adminJson<RunRecord>(`/api/runs/${runId}`);
    expect(record).toMatchObject({
      id: runId,
      appId: app.app.id,
      version: 1,
      status: 'succeeded',
      source: 'api',
      inputs: { query: 'record me' },
      outputs: { answer: 'Echo: record me' },
      error: null,
    });
    expect(record.conversationId).toMatch(/^conv_/);
    expect(record.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(record.endedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(record.startedAt));
    expect(record).not.toHaveProperty('keyId');
    expect(record.steps.map((step) => [step.nodeId, step.nodeType, step.status])).toEqual([
      ['start', 'start', 'succeeded'],
      ['step_1', 'template', 'succeeded'],
      ['llm', 'llm', 'succeeded'],
      ['answer', 'answer', 'succeeded'],
    ]);
    const llm = record.steps.find((step) => step.nodeId === 'llm');
    expect(llm?.inputs).toMatchObject({ model: 'local:echo', prompt: 'record me' });
    expect(llm?.outputs).toMatchObject({ text: 'Echo: record me' });
    expect(llm?.usage?.outputTokens).toBeGreaterThan(0);
    expect(record.usage).toEqual(llm?.usage);
    for (const step of record.steps) {
      expect(Date.parse(step.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(record.startedAt));
      expect(step.elapsedMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('matches the contract schema of @edgeflow/api', async () => {
    const record = await adminJson<unknown>(`/api/runs/${runId}`);
    const parsed = runRecordSchema.safeParse(record);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('is readable by the key that started it and the admin, and by no other key (GET /v1/runs/{runId})', async () => {
    const asAdmin = await adminJson<RunRecord>(`/api/runs/${runId}`);
    const byKey = await request(`/v1/runs/${runId}`, { token: app.key });
    expect(byKey.status).toBe(200);
    expect(await byKey.json()).toEqual(asAdmin);
    const byAdmin = await request(`/v1/runs/${runId}`, { token: adminToken });
    expect(await byAdmin.json()).toEqual(asAdmin);
    // API.md: "the key that started it, or admin" — a second key of the same app is not it.
    const sibling = await createKey(app.app.id);
    await expectError(await request(`/v1/runs/${runId}`, { token: sibling.key }), 404, 'not_found');
    const publishable = await createKey(app.app.id, { kind: 'publishable', allowedOrigins: [shop] });
    await expectError(
      await request(`/v1/runs/${runId}`, { token: publishable.key, headers: { origin: shop } }),
      403,
      'forbidden',
    );
  });

  // A publishable key is public (every visitor of the page holds it) and a trace holds the app's
  // prompts and each step's data, so widget runs are readable by the admin only, never by that key.
  it('is not readable with the publishable key when a widget started it', async () => {
    const publishable = await createKey(app.app.id, { kind: 'publishable', allowedOrigins: [shop] });
    const widget = { origin: shop, 'x-edgeflow-visitor': crypto.randomUUID() };
    const started = await request(runPath(app.app.id), {
      token: publishable.key,
      headers: widget,
      json: { inputs: { query: 'from the widget' }, stream: false },
    });
    const { runId: widgetRun } = (await started.json()) as { runId: string };
    const record = await request(`/v1/runs/${widgetRun}`, { token: publishable.key, headers: widget });
    await expectError(record, 403, 'forbidden');
    expect((await adminJson<RunRecord>(`/api/runs/${widgetRun}`)).source).toBe('widget');
    await expectError(await request(`/v1/runs/${widgetRun}`, { token: app.key }), 404, 'not_found');
  });

  it('answers 404 for runs that do not exist', async () => {
    for (const id of ['run_doesnotexist000000', 'nonsense', "run_' or '1'='1"]) {
      await expectError(await adminRequest(`/api/runs/${encodeURIComponent(id)}`), 404, 'not_found');
      await expectError(
        await request(`/v1/runs/${encodeURIComponent(id)}`, { token: app.key }),
        404,
        'not_found',
      );
    }
  });

  it('records a failed run with the failing node', async () => {
    const failing = await publishedAppWithKey(chatDocument({ model: 'compatible:unlisted-model' }));
    const result = await runToEnd(runPath(failing.app.id), failing.key, { inputs: { query: 'q' } });
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'model_not_configured', nodeId: 'llm' });
    const record = await adminJson<RunRecord>(`/api/runs/${result.runId}`);
    expect(record).toMatchObject({
      status: 'failed',
      error: { code: 'model_not_configured', nodeId: 'llm' },
    });
    const llm = record.steps.find((step) => step.nodeId === 'llm');
    expect(llm).toMatchObject({ status: 'failed', error: { code: 'model_not_configured' } });
  });
});

describe('GET /api/apps/{appId}/runs', () => {
  let appId: string;
  const created: string[] = [];

  beforeAll(async () => {
    const { app, key } = await publishedAppWithKey(workflowDocument());
    appId = app.id;
    for (let index = 0; index < 5; index += 1) {
      created.push((await runToEnd(runPath(appId), key, { inputs: { query: `run ${index}` } })).runId);
      // Distinct start times, so "newest first" has one right answer.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  });

  it('pages newest first with cursor and limit', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: RunList = await adminJson<RunList>(`/api/apps/${appId}/runs?limit=2&cursor=${cursor}`);
      expect(page.runs.length).toBeLessThanOrEqual(2);
      seen.push(...page.runs.map((run) => run.id));
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
    const all = await adminJson<RunList>(`/api/apps/${appId}/runs`);
    expect(all.runs.map((run) => run.id)).toEqual([...created].reverse());
    expect(all.nextCursor).toBeNull();
    expect(all.runs[0]).toMatchObject({ appId, status: 'succeeded', source: 'api', version: 1 });
    expect(all.runs[0]).not.toHaveProperty('steps');
    expect(all.runs[0]).not.toHaveProperty('keyId');
  });

  it('matches the contract schema of @edgeflow/api', async () => {
    const list = await adminJson<unknown>(`/api/apps/${appId}/runs?limit=2`);
    const parsed = runListSchema.safeParse(list);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('refuses limits out of range', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'limit=1.5',
      'limit=-1',
      `cursor=${'a'.repeat(600)}`,
    ]) {
      await expectError(await adminRequest(`/api/apps/${appId}/runs?${query}`), 400, 'invalid_request');
    }
  });

  it('refuses a cursor it did not hand out', async () => {
    for (const cursor of ['not-a-cursor', btoa('yesterday:run_x'), '%%%']) {
      const response = await adminRequest(`/api/apps/${appId}/runs?cursor=${encodeURIComponent(cursor)}`);
      await expectError(response, 400, 'invalid_request');
    }
  });

  it('answers 404 for an unknown app', async () => {
    await expectError(await adminRequest('/api/apps/app_unknown00000000000/runs'), 404, 'not_found');
  });
});
