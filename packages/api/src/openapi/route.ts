import type { RequestSchemaName, ResponseSchemaName } from './component-schemas.ts';

/**
 * Who may call a route: the admin token, a secret app key, a publishable app key (from an allowed
 * origin), or nobody in particular.
 */
export type Credential = 'adminToken' | 'secretKey' | 'publishableKey';

/** One query parameter of a route. */
export interface QueryParameter {
  readonly name: string;
  readonly description: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

/**
 * A successful answer: JSON of a component schema, an SSE stream, both (the JSON for `stream: false`),
 * another content type, or no body (204).
 */
export interface Success {
  readonly status: 200 | 201 | 204;
  readonly description: string;
  readonly json?: ResponseSchemaName;
  readonly stream?: 'run-events' | 'chat-chunks';
  readonly contentType?: string;
}

/** A route of API.md, as the OpenAPI document describes it. */
export interface Route {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** With `{param}` placeholders, e.g. `/api/apps/{appId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  /** Any one of these is enough; empty means the route is public. */
  readonly credentials: readonly Credential[];
  readonly query?: readonly QueryParameter[];
  /** The JSON body; `multipart` adds the file upload of documents. */
  readonly body?: RequestSchemaName;
  readonly multipart?: boolean;
  /** An empty body counts as `{}` (publish and runs, so `curl -X POST` works). */
  readonly optionalBody?: boolean;
  readonly success: Success;
  /** Error statuses particular to the route; the usual ones are added from its shape. */
  readonly errors?: readonly number[];
  /** The OpenAI-compatible routes answer errors in OpenAI's shape instead of the contract's. */
  readonly errorShape?: 'openai';
}
