import type { z } from 'zod';
import { validationIssues } from '../schemas/validation-issues.ts';
import { EdgeflowApiError, errorFromResponse } from './edgeflow-api-error.ts';

export interface ClientOptions {
  /** Where the runtime answers, e.g. `https://edgeflow.example.com`; a path prefix is kept. */
  readonly baseUrl: string;
  /** The admin token (management API) or an app key (`/v1`), sent as `Authorization: Bearer`. */
  readonly key?: string;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Sent with every request; `Authorization` from `key` wins. */
  readonly headers?: HeadersInit;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly headers?: HeadersInit;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Call extends RequestOptions {
  readonly method: HttpMethod;
  /** Already encoded, e.g. built with `path`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** Sent as JSON; the client sends what it is given and leaves judging it to the server. */
  readonly body?: unknown;
  readonly form?: FormData;
  readonly accept?: string;
}

/** How the client's methods reach the server: one place for URLs, headers, errors and validation. */
export interface Transport {
  /** A JSON answer, validated with `schema`. */
  json<Schema extends z.ZodType>(call: Call, schema: Schema): Promise<z.output<Schema>>;
  /** An answer without a body (204). */
  empty(call: Call): Promise<void>;
  /** The unread body of a successful answer whose type is `call.accept`, for streams. */
  stream(call: Call): Promise<ReadableStream<Uint8Array>>;
}

/**
 * Creates the transport the client's methods share.
 * @example createTransport({ baseUrl: 'http://127.0.0.1:8787', key: process.env.ADMIN_TOKEN })
 */
export function createTransport(options: ClientOptions): Transport {
  const fetchFunction: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function send(call: Call): Promise<Response> {
    const url = new URL(`${baseUrl}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers = new Headers(options.headers);
    new Headers(call.headers).forEach((value, name) => {
      headers.set(name, value);
    });
    headers.set('accept', call.accept ?? 'application/json');
    if (options.key !== undefined) headers.set('authorization', `Bearer ${options.key}`);
    let body: string | FormData | undefined;
    if (call.form !== undefined) {
      body = call.form;
    } else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers.set('content-type', 'application/json');
    }
    const init: RequestInit = { method: call.method, headers };
    if (body !== undefined) init.body = body;
    if (call.signal !== undefined) init.signal = call.signal;
    const response = await fetchFunction(url, init);
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  return {
    async json(call, schema) {
      const response = await send(call);
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw invalidResponse(response, call, 'is not JSON', { body: text.slice(0, 500) });
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw invalidResponse(response, call, 'does not match the contract', {
          issues: validationIssues(parsed.error),
        });
      }
      return parsed.data;
    },
    async empty(call) {
      const response = await send(call);
      await response.body?.cancel();
    },
    async stream(call) {
      const response = await send(call);
      const type = (response.headers.get('content-type') ?? '').toLowerCase();
      const body = response.body;
      if (body === null || !type.startsWith(call.accept ?? 'application/json')) {
        await body?.cancel();
        throw invalidResponse(response, call, `is ${type === '' ? 'untyped' : type}, not a stream`, {});
      }
      return body;
    },
  };
}

function invalidResponse(response: Response, call: Call, problem: string, details: Record<string, unknown>) {
  return new EdgeflowApiError(
    response.status,
    'invalid_response',
    `The answer of ${call.method} ${call.path} ${problem}.`,
    details,
  );
}
