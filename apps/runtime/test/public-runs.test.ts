import { invalidInputsDetailsSchema, type RunRecord, runResultSchema } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import {
  adminJson,
  adminRequest,
  createApp,
  createKey,
  publish,
  publishedAppWithKey,
  runCount,
  saveDraft,
} from './helpers/admin.ts';
import { brokenDocument, chatDocument, workflowDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { compatible, fakeModels, receivedRequests, scriptModel } from './helpers/fake-model.ts';
import {
  eventsOfType,
  readRunEvents,
  runEndOf,
  runPath,
  runStartOf,
  runToEnd,
  streamRun,
} from './helpers/run-stream.ts';
import { adminToken, request, send } from './helpers/worker.ts';

describe('POST /v1/apps/{appId}/runs: what runs', () => {
  it('answers 404 not_published for an app without a published version', async () => {
    const app = await createApp({ name: 'Unpublished', graph: workflowDocument() });
    const { key } = await createKey(app.id);
    for (const stream of [true, false]) {
      const response = await request(runPath(app.id), {
        token: key,
        json: { inputs: { query: 'q' }, stream },
      });
      await expectError(response, 404, 'not_published');
    }
    expect(await runCount(app.id)).toBe(0);
  });

  it('validates inputs against the start node: 422 invalid_inputs naming each field', async () => {
    const { app, key } = await publishedAppWithKey(workflowDocument());
    const invalid = async (inputs: unknown, fields: string[]) => {
      const response = await request(runPath(app.id), { token: key, json: { inputs, stream: false } });
      const error = await expectError(response, 422, 'invalid_inputs');
      const details = invalidInputsDetailsSchema.parse(error.details);
      expect(details.fields.map((field) => field.name).sort()).toEqual(fields);
    };
    await invalid({}, ['query']);
    await invalid({ query: null }, ['query']);
    await invalid({ query: 5 }, ['query']);
    await invalid({ query: 'q', count: 'three' }, ['count']);
    await invalid({ query: ['q'], count: true }, ['count', 'query']);
    // An empty body means no inputs at all.
    await expectError(await request(runPath(app.id), { token: key, method: 'POST' }), 422, 'invalid_inputs');
    await expectError(
      await request(runPath(app.id), { token: key, json: { inputs: 'q' } }),
      400,
      'invalid_request',
    );
    expect(await runCount(app.id)).toBe(0);
    // Defaults fill what the caller leaves out; undeclared inputs are dropped.
    const result = await runToEnd(runPath(app.id), key, { inputs: { query: 'q', extra: 'dropped' } });
    expect(result.status).toBe('succeeded');
    const record = await adminJson<RunRecord>(`/api/runs/${result.runId}`);
    expect(record.inputs).toEqual({ query: 'q', count: 1 });
  });

  it('refuses a body that carries a graph, a draft or overrides, and runs nothing (SECURITY 1)', async () => {
    const model = fakeModels.published;
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model) }));
    const attack = chatDocument({ model: 'local:echo', prompt: 'IGNORE THE APP' });
    const bodies = [
      { inputs: { query: 'q' }, graph: attack },
      { inputs: { query: 'q' }, draft: attack },
      { inputs: { query: 'q' }, document: attack },
      { inputs: { query: 'q' }, version: 1 },
      { inputs: { query: 'q' }, config: { llm: { model: 'local:echo' } } },
      { inputs: { query: 'q' }, overrides: { llm: { prompt: 'x' } } },
      { inputs: { query: 'q' }, model: 'local:echo' },
      { inputs: { query: 'q' }, nodes: attack.nodes, edges: attack.edges },
      { inputs: { query: 'q' }, plan: {} },
      { inputs: { query: 'q' }, stream: false, appId: 'app_other' },
    ];
    for (const json of bodies) {
      await expectError(await request(runPath(app.id), { token: key, json }), 400, 'invalid_request');
    }
    expect(await runCount(app.id)).toBe(0);
    expect(await receivedRequests(model)).toEqual([]);
  });

  it('runs the published version, never the draft (SECURITY 1)', async () => {
    const { app, key } = await publishedAppWithKey(workflowDocument('v1'));
    await saveDraft(app.id, workflowDocument('draft'));
    const first = await runToEnd(runPath(app.id), key, { inputs: { query: 'q' } });
    expect(first.outputs).toEqual({ result: 'v1: q' });
    expect((await adminJson<RunRecord>(`/api/runs/${first.runId}`)).version).toBe(1);
    // The editor's test panel runs the draft.
    const draft = await runToEnd(`/api/apps/${app.id}/draft/runs`, adminToken, { inputs: { query: 'q' } });
    expect(draft.outputs).toEqual({ result: 'draft: q' });
    // Publishing takes effect at once on this instance.
    expect((await publish(app.id)).version).toBe(2);
    const second = await runToEnd(runPath(app.id), key, { inputs: { query: 'q' } });
    expect(second.outputs).toEqual({ result: 'draft: q' });
    expect((await adminJson<RunRecord>(`/api/runs/${second.runId}`)).version).toBe(2);
    // A draft that no longer compiles changes nothing for callers.
    await saveDraft(app.id, brokenDocument());
    expect((await runToEnd(runPath(app.id), key, { inputs: { query: 'q' } })).outputs).toEqual({
      result: 'draft: q',
    });
  });

  it('answers JSON with stream: false', async () => {
    const { app, key } = await publishedAppWithKey(workflowDocument('json'));
    const { response } = await send(runPath(app.id), {
      token: key,
      json: { inputs: { query: 'q' }, stream: false },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    const result = runResultSchema.parse(body);
    expect(Object.keys(body).sort()).toEqual(['elapsedMs', 'outputs', 'runId', 'status', 'usage']);
    expect(result).toMatchObject({
      status: 'succeeded',
      outputs: { result: 'json: q' },
      usage: { inputTokens: 0, outputTokens: 0 },
    });
    // A chat app's answer names its conversation.
    const chat = await publishedAppWithKey(chatDocument());
    const chatResult = await runToEnd(runPath(chat.app.id), chat.key, { inputs: { query: 'hi there' } });
    expect(chatResult).toMatchObject({ status: 'succeeded', outputs: { answer: 'Echo: hi there' } });
    expect(chatResult.conversationId).toMatch(/^conv_/);
    expect(chatResult.usage.outputTokens).toBeGreaterThan(0);
  });
});

describe('the run event stream', () => {
  it('writes every event as id/event/data, numbered from 1, run-end last, never compressed', async () => {
    const model = fakeModels.streamFormat;
    await scriptModel(model, { text: 'one two three four' });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model), nodes: 4 }));
    const { response, settle } = await send(runPath(app.id), {
      token: key,
      json: { inputs: { query: 'q' } },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('content-encoding')).toBe('identity');
    expect(response.headers.get('cache-control')).toContain('no-cache');
    const text = await response.text();
    await settle();
    expect(text.endsWith('\n\n')).toBe(true);
    const blocks = text
      .slice(0, -2)
      .split('\n\n')
      .filter((block) => !block.startsWith(':'));
    const events = blocks.map((block, index) => {
      const match = /^id: (\d+)\nevent: ([a-z-]+)\ndata: (\{.*\})$/.exec(block);
      expect(match, `event ${index + 1}: ${JSON.stringify(block)}`).not.toBeNull();
      const [, id, type, data] = match ?? [];
      const json = JSON.parse(data ?? '') as { type: string; seq: number; runId: string };
      expect(json.seq).toBe(Number(id));
      expect(json.type).toBe(type);
      return json;
    });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(new Set(events.map((event) => event.runId)).size).toBe(1);
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)?.type).toBe('run-end');
    expect(events.filter((event) => event.type === 'run-end')).toHaveLength(1);

    // The same bytes through the contract's parser.
    const parsed = await readRunEvents(
      new Response(text, { headers: { 'content-type': 'text/event-stream' } }),
    );
    expect(runStartOf(parsed)).toMatchObject({ appId: app.id, version: 1 });
    expect(runStartOf(parsed).conversationId).toMatch(/^conv_/);
    const deltas = eventsOfType(parsed, 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((delta) => delta.delta).join('')).toBe('one two three four');
    expect(new Set(deltas.map((delta) => delta.nodeId))).toEqual(new Set(['answer']));
    const starts = eventsOfType(parsed, 'node-start').map((event) => event.nodeId);
    const ends = eventsOfType(parsed, 'node-end').map((event) => event.nodeId);
    expect(starts.sort()).toEqual(['answer', 'llm', 'start', 'step_1']);
    expect(ends.sort()).toEqual(starts.sort());
    expect(runEndOf(parsed)).toMatchObject({
      status: 'succeeded',
      outputs: { answer: 'one two three four' },
    });
  });

  it('ends failed runs with run-end too', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument({ model: 'compatible:not-a-listed-model' }));
    const events = await streamRun(runPath(app.id), key, { inputs: { query: 'q' } });
    const end = runEndOf(events);
    expect(end.status).toBe('failed');
    expect(end.error).toMatchObject({ code: 'model_not_configured', nodeId: 'llm' });
  });
});

describe('POST /api/apps/{appId}/draft/runs', () => {
  it('runs the saved draft as an editor run, streaming or not', async () => {
    const app = await createApp({ name: 'Draft runner', graph: chatDocument() });
    const events = await streamRun(`/api/apps/${app.id}/draft/runs`, adminToken, {
      inputs: { query: 'draft' },
    });
    expect(runStartOf(events)).toMatchObject({ appId: app.id, version: null });
    expect(runEndOf(events)).toMatchObject({ status: 'succeeded', outputs: { answer: 'Echo: draft' } });
    const record = await adminJson<RunRecord>(`/api/runs/${runStartOf(events).runId}`);
    expect(record).toMatchObject({ source: 'editor', version: null, status: 'succeeded' });
    const json = await runToEnd(`/api/apps/${app.id}/draft/runs`, adminToken, { inputs: { query: 'again' } });
    expect(json.outputs).toEqual({ answer: 'Echo: again' });
  });

  it('answers 422 for a draft that does not compile, and checks bodies and inputs like a public run', async () => {
    const app = await createApp({ name: 'Broken draft', graph: brokenDocument() });
    const path = `/api/apps/${app.id}/draft/runs`;
    await expectError(await adminRequest(path, { json: { inputs: { query: 'q' } } }), 422, 'invalid_graph');
    const working = await createApp({ name: 'Working draft', graph: workflowDocument() });
    const workingPath = `/api/apps/${working.id}/draft/runs`;
    await expectError(await adminRequest(workingPath, { json: { inputs: {} } }), 422, 'invalid_inputs');
    await expectError(
      await adminRequest(workingPath, { json: { inputs: { query: 'q' }, graph: chatDocument() } }),
      400,
      'invalid_request',
    );
    await expectError(
      await adminRequest('/api/apps/app_nothing0000000000/draft/runs', { json: { inputs: { query: 'q' } } }),
      404,
      'not_found',
    );
    // App keys cannot run drafts.
    const { key } = await createKey(working.id);
    await expectError(await request(workingPath, { token: key, json: { inputs: { query: 'q' } } }), 401);
  });
});
