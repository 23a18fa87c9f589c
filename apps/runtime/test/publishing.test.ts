import { type App, diagnosticsResponseSchema, publishResponseSchema, versionListSchema } from '@edgeflow/api';
import { compile } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';
import { adminJson, adminRequest, createApp, publish, saveDraft } from './helpers/admin.ts';
import { brokenDocument, workflowDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';

describe('drafts, publishing and versions', () => {
  it('saves an invalid but parseable draft and answers its diagnostics', async () => {
    const app = await createApp({ name: 'Autosave', graph: workflowDocument() });
    const broken = brokenDocument();
    const { diagnostics } = diagnosticsResponseSchema.parse(await saveDraft(app.id, broken));
    expect(diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    expect((await adminJson<App>(`/api/apps/${app.id}`)).draft).toMatchObject({ edges: broken.edges });
    const fixed = diagnosticsResponseSchema.parse(await saveDraft(app.id, workflowDocument('fixed')));
    expect(fixed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('refuses a draft body that is not a workflow document', async () => {
    const app = await createApp({ name: 'Draft bodies' });
    const put = (init: { body?: string; json?: unknown; headers?: Record<string, string> }) =>
      adminRequest(`/api/apps/${app.id}/draft`, { method: 'PUT', ...init });
    await expectError(
      await put({ body: '{"schema":', headers: { 'content-type': 'application/json' } }),
      400,
      'malformed_json',
    );
    await expectError(await put({ json: { hello: 'world' } }), 400, 'invalid_request');
    await expectError(await put({ json: [] }), 400, 'invalid_request');
    await expectError(await put({ body: 'x', headers: { 'content-type': 'text/yaml' } }), 415);
    // The saved draft is unchanged.
    expect(compile((await adminJson<App>(`/api/apps/${app.id}`)).draft).ok).toBe(true);
  });

  it('publishes versions 1, 2, 3 with notes and lists them newest first', async () => {
    const app = await createApp({ name: 'Versions', graph: workflowDocument('one') });
    const first = publishResponseSchema.parse(await publish(app.id, 'first'));
    expect(first.version).toBe(1);
    await saveDraft(app.id, workflowDocument('two'));
    expect((await publish(app.id)).version).toBe(2);
    // An empty body (curl -X POST) is a publish without a note.
    const bare = await adminRequest(`/api/apps/${app.id}/publish`, { method: 'POST' });
    expect(bare.status).toBe(201);
    expect(publishResponseSchema.parse(await bare.json()).version).toBe(3);
    expect((await adminJson<App>(`/api/apps/${app.id}`)).publishedVersion).toBe(3);
    const { versions } = versionListSchema.parse(await adminJson(`/api/apps/${app.id}/versions`));
    expect(versions.map((version) => [version.version, version.note])).toEqual([
      [3, ''],
      [2, ''],
      [1, 'first'],
    ]);
  });

  it('refuses to publish a draft that does not compile, with the diagnostics', async () => {
    const app = await createApp({ name: 'Unpublishable', graph: workflowDocument() });
    await publish(app.id);
    await saveDraft(app.id, brokenDocument());
    const error = await expectError(
      await adminRequest(`/api/apps/${app.id}/publish`, { method: 'POST', json: { note: 'broken' } }),
      422,
      'invalid_graph',
    );
    const { diagnostics } = diagnosticsResponseSchema.parse(error.details);
    expect(diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    // Nothing was published.
    expect((await adminJson<App>(`/api/apps/${app.id}`)).publishedVersion).toBe(1);
    expect(versionListSchema.parse(await adminJson(`/api/apps/${app.id}/versions`)).versions).toHaveLength(1);
  });

  it('refuses publish bodies with unknown keys or a bad note', async () => {
    const app = await createApp({ name: 'Publish bodies' });
    const publishWith = (json: unknown) =>
      adminRequest(`/api/apps/${app.id}/publish`, { method: 'POST', json });
    await expectError(await publishWith({ version: 7 }), 400, 'invalid_request');
    await expectError(await publishWith({ note: 5 }), 400, 'invalid_request');
    await expectError(await publishWith({ note: 'x'.repeat(1001) }), 400, 'invalid_request');
    await expectError(
      await adminRequest(`/api/apps/${app.id}/publish`, {
        method: 'POST',
        body: 'note',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed_json',
    );
    expect(versionListSchema.parse(await adminJson(`/api/apps/${app.id}/versions`)).versions).toEqual([]);
  });
});
