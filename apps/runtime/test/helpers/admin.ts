import type { App, CreatedKey, CreateKeyRequest, PublishResponse, RunList } from '@edgeflow/api';
import type { WorkflowDocument } from '@edgeflow/graph';
import { expect } from 'vitest';
import { adminToken, request, type SendInit } from './worker.ts';

/** A management request with the admin token. */
export const adminRequest = (path: string, init: Omit<SendInit, 'token'> = {}) =>
  request(path, { ...init, token: adminToken });

/** A management request that must answer `status`; answers its JSON. */
export async function adminJson<Body>(
  path: string,
  init: Omit<SendInit, 'token'> = {},
  status = 200,
): Promise<Body> {
  const response = await adminRequest(path, init);
  const text = await response.text();
  expect(response.status, `${init.method ?? 'GET'} ${path}: ${text}`).toBe(status);
  return JSON.parse(text) as Body;
}

export const createApp = (body: Record<string, unknown>) =>
  adminJson<App>('/api/apps', { method: 'POST', json: body }, 201);

export const publish = (appId: string, note?: string) =>
  adminJson<PublishResponse>(
    `/api/apps/${appId}/publish`,
    { method: 'POST', json: note === undefined ? {} : { note } },
    201,
  );

export const saveDraft = (appId: string, document: unknown) =>
  adminJson<{ diagnostics: unknown[] }>(`/api/apps/${appId}/draft`, { method: 'PUT', json: document });

/** Creates an app from `document` and publishes it as version 1. */
export async function createPublishedApp(document: WorkflowDocument): Promise<App> {
  const app = await createApp({ name: document.name, graph: document });
  const published = await publish(app.id);
  expect(published.version).toBe(1);
  return app;
}

export const createKey = (appId: string, body: CreateKeyRequest = { kind: 'secret' }) =>
  adminJson<CreatedKey>(`/api/apps/${appId}/keys`, { method: 'POST', json: body }, 201);

/** A published app with a secret key: what most run tests start from. */
export async function publishedAppWithKey(document: WorkflowDocument) {
  const app = await createPublishedApp(document);
  const key = await createKey(app.id);
  return { app, key: key.key, keyId: key.id };
}

/** How many runs an app has recorded (up to 100): proof that a refused request ran nothing. */
export const runCount = async (appId: string) =>
  (await adminJson<RunList>(`/api/apps/${appId}/runs?limit=100`)).runs.length;
