import { z } from 'zod';
import {
  appIdSchema,
  conversationIdSchema,
  documentIdSchema,
  keyIdSchema,
  knowledgeBaseIdSchema,
  runIdSchema,
} from '../schemas/prefixed-id.ts';
import { secretNameSchema } from '../schemas/secret.ts';
import { apiDescription } from './api-description.ts';
import { componentSchemas, type JsonSchema } from './component-schemas.ts';
import { errorResponseComponents, errorResponsesOf } from './error-responses.ts';
import { knowledgeRoutes } from './knowledge-routes.ts';
import { managementRoutes } from './management-routes.ts';
import { operationContent } from './operation-content.ts';
import { publicRoutes } from './public-routes.ts';
import type { Route } from './route.ts';

/** Every route of API.md, in the order the document lists them. */
export const routes: readonly Route[] = [...managementRoutes, ...knowledgeRoutes, ...publicRoutes];

const pathParameters: Record<string, { readonly schema: z.ZodType; readonly description: string }> = {
  appId: { schema: appIdSchema, description: 'The app.' },
  keyId: { schema: keyIdSchema, description: 'The key.' },
  runId: { schema: runIdSchema, description: 'The run.' },
  kbId: { schema: knowledgeBaseIdSchema, description: 'The knowledge base.' },
  docId: { schema: documentIdSchema, description: 'The document.' },
  conversationId: { schema: conversationIdSchema, description: 'The conversation.' },
  name: { schema: secretNameSchema, description: 'The secret, as written in `{{secrets.name}}`.' },
};

export interface OpenApiOptions {
  /** The runtime's own URL, listed under `servers`. */
  readonly serverUrl?: string;
}

export type OpenApiDocument = Record<string, unknown> & { readonly openapi: '3.1.0' };

/**
 * Builds the OpenAPI 3.1 document of the whole contract from the zod schemas.
 * @example app.get('/openapi.json', (c) => c.json(buildOpenApiDocument({ serverUrl: new URL(c.req.url).origin })));
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const item = paths[route.path] ?? {};
    item[route.method] = operation(route);
    paths[route.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Edgeflow API', version: '1', description: apiDescription },
    ...(options.serverUrl === undefined ? {} : { servers: [{ url: options.serverUrl }] }),
    tags: [
      { name: 'Platform', description: 'Models, templates, graph validation, health.' },
      { name: 'Apps', description: 'Apps, drafts, publishing and versions.' },
      { name: 'Keys', description: 'Secret and publishable app keys.' },
      { name: 'Runs', description: 'Running apps, run records and conversations.' },
      { name: 'Knowledge', description: 'Knowledge bases, documents and retrieval.' },
      { name: 'Secrets', description: 'Secrets for tools.' },
      { name: 'OpenAI compatible', description: 'The OpenAI Chat Completions endpoint.' },
      { name: 'Widget', description: 'The embeddable chat widget.' },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      responses: errorResponseComponents(),
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The `ADMIN_TOKEN` of the deployment: the management API and the editor.',
        },
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A secret app key, for servers. Works for its own app only.',
        },
        publishableKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A publishable app key, for browsers: its own app only, only from its `allowedOrigins`, rate limited per visitor and per app.',
        },
      },
    },
  };
}

function operation(route: Route): Record<string, unknown> {
  const parameters = [
    ...[...route.path.matchAll(/\{([A-Za-z]+)\}/g)].map(([, name = '']) => pathParameter(name)),
    ...(route.query ?? []).map((parameter) => ({ in: 'query', required: false, ...parameter })),
  ];
  const { requestBody, success } = operationContent(route);
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    security: route.credentials.map((credential) => ({ [credential]: [] })),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: { [String(route.success.status)]: success, ...errorResponsesOf(route) },
  };
}

function pathParameter(name: string): Record<string, unknown> {
  const parameter = pathParameters[name];
  if (parameter === undefined) throw new Error(`No schema for the path parameter ${name}.`);
  const { $schema: _dialect, ...schema }: JsonSchema = z.toJSONSchema(parameter.schema);
  return { in: 'path', name, required: true, description: parameter.description, schema };
}
