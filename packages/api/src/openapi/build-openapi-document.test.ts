import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, routes } from '../index.ts';

/** Every method and path API.md names, written out by hand from it. */
const apiMdRoutes = [
  'GET /api/models',
  'GET /api/templates',
  'POST /api/apps',
  'GET /api/apps',
  'GET /api/apps/{appId}',
  'PATCH /api/apps/{appId}',
  'DELETE /api/apps/{appId}',
  'PUT /api/apps/{appId}/draft',
  'POST /api/apps/{appId}/publish',
  'GET /api/apps/{appId}/versions',
  'POST /api/apps/{appId}/draft/runs',
  'POST /api/apps/{appId}/keys',
  'GET /api/apps/{appId}/keys',
  'DELETE /api/apps/{appId}/keys/{keyId}',
  'GET /api/apps/{appId}/runs',
  'GET /api/runs/{runId}',
  'POST /api/graph/validate',
  'POST /api/knowledge-bases',
  'GET /api/knowledge-bases',
  'GET /api/knowledge-bases/{kbId}',
  'PATCH /api/knowledge-bases/{kbId}',
  'DELETE /api/knowledge-bases/{kbId}',
  'POST /api/knowledge-bases/{kbId}/documents',
  'GET /api/knowledge-bases/{kbId}/documents',
  'DELETE /api/knowledge-bases/{kbId}/documents/{docId}',
  'POST /api/knowledge-bases/{kbId}/query',
  'PUT /api/secrets/{name}',
  'GET /api/secrets',
  'DELETE /api/secrets/{name}',
  'POST /v1/apps/{appId}/runs',
  'GET /v1/apps/{appId}/conversations/{conversationId}/messages',
  'GET /v1/runs/{runId}',
  'POST /v1/chat/completions',
  'GET /v1/models',
  'GET /widget.js',
  'GET /v1/apps/{appId}/widget',
  'GET /healthz',
  'GET /openapi.json',
  'GET /docs',
];

/** Routes added beyond API.md (it allows additions), each documented in the project's docs and here. */
const additions = [
  // Issue 6: "list, delete and re-index documents"; documented in docs/knowledge-bases.md.
  'POST /api/knowledge-bases/{kbId}/documents/{docId}/reindex',
];

interface Operation {
  readonly operationId: string;
  readonly security: readonly Record<string, unknown>[];
  readonly parameters?: readonly { in: string; name: string }[];
  readonly responses: Record<string, unknown>;
}

// Round-tripping through JSON proves the document is plain JSON and gives it a shape to walk.
const document = JSON.parse(
  JSON.stringify(buildOpenApiDocument({ serverUrl: 'https://edgeflow.example.com' })),
) as {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
    responses: Record<string, unknown>;
  };
};

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    path,
    operation,
  })),
);

describe('buildOpenApiDocument', () => {
  it('is OpenAPI 3.1 with the server it is given', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'https://edgeflow.example.com' }]);
    expect(buildOpenApiDocument()).not.toHaveProperty('servers');
  });

  it('has every route of API.md and nothing else but the documented additions', () => {
    expect(operations.map(({ key }) => key).sort()).toEqual([...apiMdRoutes, ...additions].sort());
    expect(routes).toHaveLength(apiMdRoutes.length + additions.length);
  });

  it('gives each operation a unique id, responses, its path parameters and its credentials', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, path, operation } of operations) {
      expect(Object.keys(operation.responses).length, key).toBeGreaterThan(1);
      expect(
        Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)),
        key,
      ).toBe(true);
      const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect(
        operation.parameters?.filter((parameter) => parameter.in === 'path').map((p) => p.name) ?? [],
      ).toEqual(names);
      if (path.startsWith('/api/')) expect(operation.security, key).toEqual([{ adminToken: [] }]);
      if (path.startsWith('/v1/')) expect(operation.security.length, key).toBeGreaterThan(0);
      if (!path.startsWith('/api/') && !path.startsWith('/v1/')) expect(operation.security, key).toEqual([]);
      if (operation.security.length > 0) expect(operation.responses).toHaveProperty('401');
    }
  });

  it('resolves every $ref', () => {
    const text = JSON.stringify(document);
    for (const [, kind, name] of text.matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)) {
      const components = document.components as unknown as Record<string, Record<string, unknown>>;
      expect(components[kind ?? '']?.[name ?? ''], `${kind}/${name}`).toBeDefined();
    }
  });

  it('describes the error shape, the security schemes and the strict run body', () => {
    expect(document.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: { error: { required: ['code', 'message', 'details'] } },
    });
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
      'adminToken',
      'publishableKey',
      'secretKey',
    ]);
    expect(document.components.schemas.RunRequest).toMatchObject({ additionalProperties: false });
    expect(document.components.responses.TooManyRequests).toHaveProperty('headers.Retry-After');
  });

  it('streams run events and answers JSON for stream: false on both run routes', () => {
    for (const path of ['/v1/apps/{appId}/runs', '/api/apps/{appId}/draft/runs']) {
      const ok = document.paths[path]?.post?.responses['200'];
      expect(ok).toMatchObject({
        content: {
          'text/event-stream': { 'x-event-schema': { $ref: '#/components/schemas/RunEvent' } },
          'application/json': { schema: { $ref: '#/components/schemas/RunResult' } },
        },
      });
    }
  });

  it('lets answers gain fields but not requests', () => {
    const { App, CreateAppRequest } = document.components.schemas as Record<string, Record<string, unknown>>;
    expect(App).not.toHaveProperty('additionalProperties');
    expect(CreateAppRequest).toHaveProperty('additionalProperties', false);
  });
});
