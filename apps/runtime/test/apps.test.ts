import {
  type App,
  appListSchema,
  appSchema,
  diagnosticsResponseSchema,
  invalidRequestDetailsSchema,
  modelListSchema,
  templateListSchema,
} from '@edgeflow/api';
import { compile } from '@edgeflow/graph';
import { templates } from '@edgeflow/workflows';
import { describe, expect, it } from 'vitest';
import { adminJson, adminRequest, createApp, createKey, publish } from './helpers/admin.ts';
import { brokenDocument, chatDocument, workflowDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { runPath } from './helpers/run-stream.ts';
import { request } from './helpers/worker.ts';

const post = (json: unknown) => adminRequest('/api/apps', { method: 'POST', json });

describe('platform routes', () => {
  it('lists the templates of workflows/', async () => {
    const body = templateListSchema.parse(await adminJson('/api/templates'));
    expect(body.templates.map((template) => template.id)).toEqual(templates.map((template) => template.id));
  });

  it('lists local:echo and the configured compatible models', async () => {
    const { models } = modelListSchema.parse(await adminJson('/api/models'));
    const ids = models.map((model) => model.id);
    expect(ids).toContain('local:echo');
    expect(ids).toContain('compatible:fake-a');
    // Providers without configuration are not offered.
    expect(ids.some((id) => id.startsWith('openai:') || id.startsWith('alibaba:'))).toBe(false);
  });

  it('validates a document without saving or running it, and refuses bodies that are not JSON', async () => {
    const good = diagnosticsResponseSchema.parse(
      await adminJson('/api/graph/validate', { method: 'POST', json: chatDocument() }),
    );
    expect(good.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const bad = diagnosticsResponseSchema.parse(
      await adminJson('/api/graph/validate', { method: 'POST', json: brokenDocument() }),
    );
    expect(bad.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    // Any JSON value is diagnosed, never a crash.
    for (const json of [42, null, [], 'text', { nodes: 'x' }]) {
      const { diagnostics } = diagnosticsResponseSchema.parse(
        await adminJson('/api/graph/validate', { method: 'POST', json }),
      );
      expect(diagnostics.length).toBeGreaterThan(0);
    }
    await expectError(
      await adminRequest('/api/graph/validate', {
        method: 'POST',
        body: '{"nodes": [',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed_json',
    );
    await expectError(
      await adminRequest('/api/graph/validate', {
        method: 'POST',
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'unsupported_media_type',
    );
  });
});

describe('POST /api/apps', () => {
  it('creates a blank chat app by default, and a blank workflow app, both publishable', async () => {
    const chat = appSchema.parse(await createApp({ name: 'Blank chat' }));
    expect(chat).toMatchObject({ name: 'Blank chat', mode: 'chat', publishedVersion: null, settings: {} });
    expect(chat.id).toMatch(/^app_/);
    expect(compile(chat.draft).ok).toBe(true);
    const workflow = appSchema.parse(await createApp({ name: 'Blank workflow', mode: 'workflow' }));
    expect(workflow.mode).toBe('workflow');
    expect(compile(workflow.draft).ok).toBe(true);
    expect((await publish(workflow.id)).version).toBe(1);
  });

  it.each(templates.map((template) => [template.id, template] as const))(
    'creates an app from template %s',
    async (id, template) => {
      const app = appSchema.parse(await createApp({ name: `From ${id}`, template: id }));
      expect(app.mode).toBe(template.mode);
      expect(app.name).toBe(`From ${id}`);
      expect(app.draft.nodes.length).toBe((template.document as { nodes: unknown[] }).nodes.length);
      // Giving the template's own mode is fine; the other mode is a 422.
      await createApp({ name: 'same mode', template: id, mode: template.mode });
      const other = template.mode === 'chat' ? 'workflow' : 'chat';
      await expectError(await post({ name: 'x', template: id, mode: other }), 422);
    },
  );

  it('creates an app from a graph, keeping the graph as its draft', async () => {
    const document = workflowDocument('from graph', 'Imported');
    const app = await createApp({ name: 'Imported app', graph: document });
    expect(app.mode).toBe('workflow');
    expect(app.draft).toMatchObject({ nodes: document.nodes, edges: document.edges });
    await expectError(await post({ name: 'x', graph: document, mode: 'chat' }), 422);
    // A graph that parses but does not compile is still a fine draft (it cannot be published yet).
    const broken = await createApp({ name: 'Broken import', graph: brokenDocument() });
    await expectError(
      await adminRequest(`/api/apps/${broken.id}/publish`, { method: 'POST', json: {} }),
      422,
      'invalid_graph',
    );
  });

  it('answers 404 for an unknown template', async () => {
    const error = await expectError(
      await post({ name: 'x', template: 'no-such-template' }),
      404,
      'not_found',
    );
    expect(error.message).toContain('no-such-template');
  });

  it('refuses bodies that are malformed, of the wrong type, too large or with unknown keys', async () => {
    const raw = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      adminRequest('/api/apps', { method: 'POST', body, headers });
    await expectError(await raw('{"name": '), 400, 'malformed_json');
    await expectError(await raw(''), 400, 'malformed_json');
    await expectError(
      await raw('{"name":"x"}', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    await expectError(await raw('{"name":"x"}', {}), 415, 'unsupported_media_type');
    await expectError(
      await raw('name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    );
    const huge = JSON.stringify({ name: 'x', graph: { padding: 'x'.repeat(1024 * 1024 + 10) } });
    await expectError(await raw(huge), 413, 'payload_too_large');
    // Without a declared length (a stream), the limit holds while reading.
    const chunked = new Blob([huge]).stream();
    await expectError(await raw(chunked), 413, 'payload_too_large');
    for (const json of [
      [],
      'x',
      null,
      {},
      { name: '' },
      { name: 'x'.repeat(201) },
      { name: 7 },
      { name: 'x', mode: 'agent' },
      { name: 'x', template: 'Has Spaces' },
      { name: 'x', graph: { nodes: 'no' } },
      { name: 'x', template: 'chat-assistant', graph: chatDocument() },
    ]) {
      await expectError(await post(json), 400, 'invalid_request');
    }
    const unknown = await expectError(await post({ name: 'x', owner: 'me' }), 400, 'invalid_request');
    const { issues } = invalidRequestDetailsSchema.parse(unknown.details);
    expect(issues.length).toBeGreaterThan(0);
  });
});

describe('an app', () => {
  it('is listed, read, renamed, given settings and deleted', async () => {
    const app = await createApp({ name: 'Lifecycle' });
    const list = appListSchema.parse(await adminJson('/api/apps'));
    expect(list.apps.map((entry) => entry.id)).toContain(app.id);
    expect(appSchema.parse(await adminJson(`/api/apps/${app.id}`))).toEqual(appSchema.parse(app));

    const renamed = await adminJson<App>(`/api/apps/${app.id}`, {
      method: 'PATCH',
      json: { name: 'Renamed' },
    });
    expect(renamed).toMatchObject({ id: app.id, name: 'Renamed', settings: {} });
    const settings = { greeting: 'Hi!', suggestedQuestions: ['Where is my order?'], theme: { mode: 'dark' } };
    const configured = await adminJson<App>(`/api/apps/${app.id}`, { method: 'PATCH', json: { settings } });
    expect(configured).toMatchObject({ name: 'Renamed', settings });
    // An empty patch changes nothing.
    expect(await adminJson<App>(`/api/apps/${app.id}`, { method: 'PATCH', json: {} })).toMatchObject({
      name: 'Renamed',
      settings,
    });
    const patch = (json: unknown) => adminRequest(`/api/apps/${app.id}`, { method: 'PATCH', json });
    await expectError(await patch({ settings: { greting: 'typo' } }), 400, 'invalid_request');
    await expectError(await patch({ name: '' }), 400, 'invalid_request');
    await expectError(await patch({ mode: 'workflow' }), 400, 'invalid_request');
    await expectError(await patch({ draft: chatDocument() }), 400, 'invalid_request');
    expect((await adminJson<App>(`/api/apps/${app.id}`)).name).toBe('Renamed');

    const deleted = await adminRequest(`/api/apps/${app.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    await expectError(await adminRequest(`/api/apps/${app.id}`, { method: 'DELETE' }), 404, 'not_found');
  });

  it('is gone everywhere once deleted, its keys included', async () => {
    const app = await createApp({ name: 'Doomed', graph: workflowDocument() });
    await publish(app.id);
    const { key } = await createKey(app.id);
    const ok = await request(runPath(app.id), {
      token: key,
      json: { inputs: { query: 'q' }, stream: false },
    });
    expect(ok.status).toBe(200);
    expect((await adminRequest(`/api/apps/${app.id}`, { method: 'DELETE' })).status).toBe(204);
    const id = app.id;
    const gone: [string, string, unknown?][] = [
      ['GET', `/api/apps/${id}`],
      ['PATCH', `/api/apps/${id}`, { name: 'x' }],
      ['DELETE', `/api/apps/${id}`],
      ['PUT', `/api/apps/${id}/draft`, workflowDocument()],
      ['POST', `/api/apps/${id}/publish`, {}],
      ['GET', `/api/apps/${id}/versions`],
      ['POST', `/api/apps/${id}/draft/runs`, { inputs: { query: 'q' } }],
      ['POST', `/api/apps/${id}/keys`, { kind: 'secret' }],
      ['GET', `/api/apps/${id}/keys`],
      ['GET', `/api/apps/${id}/runs`],
    ];
    for (const [method, path, json] of gone) {
      await expectError(await adminRequest(path, { method, ...(json === undefined ? {} : { json }) }), 404);
    }
    expect((await adminJson<{ apps: App[] }>('/api/apps')).apps.map((entry) => entry.id)).not.toContain(id);
    // Its key died with it, at once on this instance.
    const refused = await request(runPath(id), { token: key, json: { inputs: { query: 'q' } } });
    expect([401, 404]).toContain(refused.status);
    await expectError(refused, refused.status);
  });

  it('answers 404 for an app that never existed', async () => {
    for (const path of ['/api/apps/app_doesnotexist000000', '/api/apps/not-even-an-id', '/api/apps/%00']) {
      await expectError(await adminRequest(path), 404, 'not_found');
    }
  });
});
