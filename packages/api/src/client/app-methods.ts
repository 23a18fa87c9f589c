import type { WorkflowDocumentInput } from '@edgeflow/graph';
import {
  type App,
  type AppList,
  appListSchema,
  appSchema,
  type CreateAppRequest,
  type UpdateAppRequest,
} from '../schemas/app.ts';
import { type VersionList, versionListSchema } from '../schemas/app-version.ts';
import { type DiagnosticsResponse, diagnosticsResponseSchema } from '../schemas/diagnostic.ts';
import { type PublishRequest, type PublishResponse, publishResponseSchema } from '../schemas/publish.ts';
import { path } from './path.ts';
import type { RequestOptions, Transport } from './transport.ts';

export interface AppMethods {
  /** `POST /api/apps`. */
  createApp(body: CreateAppRequest, options?: RequestOptions): Promise<App>;
  /** `GET /api/apps`. */
  listApps(options?: RequestOptions): Promise<AppList>;
  /** `GET /api/apps/{appId}`. */
  getApp(appId: string, options?: RequestOptions): Promise<App>;
  /** `PATCH /api/apps/{appId}`. */
  updateApp(appId: string, body: UpdateAppRequest, options?: RequestOptions): Promise<App>;
  /** `DELETE /api/apps/{appId}`. */
  deleteApp(appId: string, options?: RequestOptions): Promise<void>;
  /** `PUT /api/apps/{appId}/draft`: saves the draft even when it does not compile. */
  saveDraft(
    appId: string,
    document: WorkflowDocumentInput,
    options?: RequestOptions,
  ): Promise<DiagnosticsResponse>;
  /** `POST /api/apps/{appId}/publish`: a 422 `EdgeflowApiError` carries `details.diagnostics`. */
  publish(appId: string, body?: PublishRequest, options?: RequestOptions): Promise<PublishResponse>;
  /** `GET /api/apps/{appId}/versions`. */
  listVersions(appId: string, options?: RequestOptions): Promise<VersionList>;
}

export function createAppMethods(transport: Transport): AppMethods {
  return {
    createApp: async (body, options = {}) =>
      transport.json({ method: 'POST', path: '/api/apps', body, ...options }, appSchema),
    listApps: async (options = {}) =>
      transport.json({ method: 'GET', path: '/api/apps', ...options }, appListSchema),
    getApp: async (appId, options = {}) =>
      transport.json({ method: 'GET', path: path`/api/apps/${appId}`, ...options }, appSchema),
    updateApp: async (appId, body, options = {}) =>
      transport.json({ method: 'PATCH', path: path`/api/apps/${appId}`, body, ...options }, appSchema),
    deleteApp: async (appId, options = {}) =>
      transport.empty({ method: 'DELETE', path: path`/api/apps/${appId}`, ...options }),
    saveDraft: async (appId, document, options = {}) =>
      transport.json(
        { method: 'PUT', path: path`/api/apps/${appId}/draft`, body: document, ...options },
        diagnosticsResponseSchema,
      ),
    publish: async (appId, body = {}, options = {}) =>
      transport.json(
        { method: 'POST', path: path`/api/apps/${appId}/publish`, body, ...options },
        publishResponseSchema,
      ),
    listVersions: async (appId, options = {}) =>
      transport.json(
        { method: 'GET', path: path`/api/apps/${appId}/versions`, ...options },
        versionListSchema,
      ),
  };
}
