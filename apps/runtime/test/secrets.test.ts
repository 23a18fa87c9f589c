/**
 * Secrets for tools (API.md, "Secrets for tools"; SECURITY.md): stored encrypted, never answered back,
 * used by http nodes as `{{secrets.name}}`, and never seen in run events, run records or outputs.
 */
import type { RunRecord } from '@edgeflow/api';
import type { WorkflowDocument } from '@edgeflow/graph';
import { describe, expect, inject, it } from 'vitest';
import type { Env } from '../src/env.ts';
import { adminJson, createKey, createPublishedApp } from './helpers/admin.ts';
import { expectError } from './helpers/expect-error.ts';
import { readRunEvents, runEndOf, runPath } from './helpers/run-stream.ts';
import { adminToken, send, testEnv } from './helpers/worker.ts';

const env: Env = {
  ...testEnv,
  SECRETS_MASTER_KEY: 'test-master-key-0123456789',
  EGRESS_ALLOW_PRIVATE: 'true',
};
const secretValue = 'sk-live-do-not-leak-7d1c2a';

const admin = (path: string, init: { method?: string; json?: unknown; env?: Env } = {}) =>
  send(path, { ...init, token: adminToken, env: init.env ?? env });

async function putSecret(name: string, value: string, withEnv: Env = env) {
  const { response } = await admin(`/api/secrets/${name}`, { method: 'PUT', json: { value }, env: withEnv });
  return response;
}

describe('the secrets API', () => {
  it('stores a secret encrypted and lists it by name only', async () => {
    expect((await putSecret('LIST_ME', secretValue)).status).toBe(204);
    const { response } = await admin('/api/secrets');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(secretValue);
    const listed = JSON.parse(text) as { secrets: { name: string; updatedAt: string }[] };
    expect(listed.secrets).toContainEqual({ name: 'LIST_ME', updatedAt: expect.any(String) });
    const row = await env.DB.prepare('SELECT * FROM secrets WHERE name = ?').bind('LIST_ME').first();
    expect(JSON.stringify(row)).not.toContain(secretValue);
    expect(JSON.stringify(row)).not.toContain(btoa(secretValue));
  });

  it('replaces a secret with PUT and deletes it once', async () => {
    await putSecret('ROTATE', 'first');
    expect((await putSecret('ROTATE', 'second')).status).toBe(204);
    expect((await admin('/api/secrets/ROTATE', { method: 'DELETE' })).response.status).toBe(204);
    await expectError((await admin('/api/secrets/ROTATE', { method: 'DELETE' })).response, 404, 'not_found');
  });

  it('refuses bad names, empty and oversized values, and callers without the admin token', async () => {
    await expectError(await putSecret('not-a-name', 'x'), 400, 'invalid_request');
    await expectError(await putSecret('EMPTY', ''), 400, 'invalid_request');
    await expectError(await putSecret('HUGE', 'x'.repeat(20_000)), 400, 'invalid_request');
    const { response } = await send('/api/secrets/NOPE', { method: 'PUT', json: { value: 'x' }, env });
    await expectError(response, 401, 'unauthorized');
  });

  it('answers 503 secrets_not_configured without SECRETS_MASTER_KEY, and stores nothing', async () => {
    const { SECRETS_MASTER_KEY: _unset, ...bare } = env;
    await expectError(await putSecret('NO_KEY', secretValue, bare), 503, 'secrets_not_configured');
    const row = await env.DB.prepare('SELECT name FROM secrets WHERE name = ?').bind('NO_KEY').first();
    expect(row).toBeNull();
  });
});

function toolDocument(url: string): WorkflowDocument {
  return {
    schema: 'edgeflow/workflow@1',
    name: 'secret tool',
    mode: 'workflow',
    nodes: [
      {
        id: 'start',
        type: 'start',
        position: { x: 0, y: 0 },
        config: { inputs: [{ name: 'query', type: 'string' }] },
      },
      {
        id: 'call',
        type: 'http',
        position: { x: 240, y: 0 },
        config: {
          method: 'POST',
          url: `${url}/echo?key={{secrets.TOOL_KEY}}`,
          headers: { authorization: 'Bearer {{secrets.TOOL_KEY}}' },
          body: '{"q": "{{start.query}}"}',
        },
      },
      {
        id: 'end',
        type: 'end',
        position: { x: 480, y: 0 },
        config: { outputs: [{ name: 'echoed', value: '{{call.json}}' }] },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'call' },
      { id: 'e2', source: 'call', target: 'end' },
    ],
  } as unknown as WorkflowDocument;
}

describe('a secret in an http node', () => {
  it('reaches the tool, and never the run events, the run record or the outputs', async () => {
    await putSecret('TOOL_KEY', secretValue);
    const toolUrl = inject('fakeModelControlUrl');
    const app = await createPublishedApp(toolDocument(toolUrl));
    const { key } = await createKey(app.id);
    const { response, settle } = await send(runPath(app.id), {
      token: key,
      env,
      json: { inputs: { query: 'hello' } },
    });
    const events = await readRunEvents(response);
    await settle();
    const end = runEndOf(events);
    expect(end.status, JSON.stringify(end)).toBe('succeeded');
    expect(JSON.stringify(events)).not.toContain(secretValue);

    const echoed = (await (await fetch(`${toolUrl}/echoed`)).json()) as {
      echoed: { path: string; headers: Record<string, string> }[];
    };
    const call = echoed.echoed.findLast((entry) => entry.path.startsWith('/echo?'));
    expect(call?.headers.authorization).toBe(`Bearer ${secretValue}`);
    expect(call?.path).toBe(`/echo?key=${secretValue}`);

    const record = await adminJson<RunRecord>(`/api/runs/${events[0]?.runId}`);
    expect(JSON.stringify(record)).not.toContain(secretValue);
    expect(JSON.stringify(record)).toContain('••••');
  });

  it('fails the node with secret_not_found when the secret is not set', async () => {
    const document = toolDocument(inject('fakeModelControlUrl'));
    const missing = JSON.parse(
      JSON.stringify(document).replaceAll('TOOL_KEY', 'NEVER_SET'),
    ) as WorkflowDocument;
    const app = await createPublishedApp(missing);
    const { key } = await createKey(app.id);
    const { response, settle } = await send(runPath(app.id), {
      token: key,
      env,
      json: { inputs: { query: 'x' } },
    });
    const end = runEndOf(await readRunEvents(response));
    await settle();
    expect(end.status).toBe('failed');
    expect(end.error).toMatchObject({ code: 'secret_not_found', nodeId: 'call' });
  });
});
