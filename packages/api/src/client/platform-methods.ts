import type { WorkflowDocumentInput } from '@edgeflow/graph';
import { z } from 'zod';
import { type DiagnosticsResponse, diagnosticsResponseSchema } from '../schemas/diagnostic.ts';
import { type Health, healthSchema } from '../schemas/health.ts';
import { type ModelList, modelListSchema } from '../schemas/model.ts';
import { type TemplateList, templateListSchema } from '../schemas/template.ts';
import type { RequestOptions, Transport } from './transport.ts';

const openApiDocumentSchema = z.record(z.string(), z.unknown());

export interface PlatformMethods {
  /** `GET /healthz`. */
  getHealth(options?: RequestOptions): Promise<Health>;
  /** `GET /openapi.json`. */
  getOpenApiDocument(options?: RequestOptions): Promise<Record<string, unknown>>;
  /** `GET /api/models`: models of the configured providers. */
  listModels(options?: RequestOptions): Promise<ModelList>;
  /** `GET /api/templates`. */
  listTemplates(options?: RequestOptions): Promise<TemplateList>;
  /** `POST /api/graph/validate`: compiles a document without saving or running it. */
  validateGraph(document: WorkflowDocumentInput, options?: RequestOptions): Promise<DiagnosticsResponse>;
}

export function createPlatformMethods(transport: Transport): PlatformMethods {
  return {
    getHealth: async (options = {}) =>
      transport.json({ method: 'GET', path: '/healthz', ...options }, healthSchema),
    getOpenApiDocument: async (options = {}) =>
      transport.json({ method: 'GET', path: '/openapi.json', ...options }, openApiDocumentSchema),
    listModels: async (options = {}) =>
      transport.json({ method: 'GET', path: '/api/models', ...options }, modelListSchema),
    listTemplates: async (options = {}) =>
      transport.json({ method: 'GET', path: '/api/templates', ...options }, templateListSchema),
    validateGraph: async (document, options = {}) =>
      transport.json(
        { method: 'POST', path: '/api/graph/validate', body: document, ...options },
        diagnosticsResponseSchema,
      ),
  };
}
