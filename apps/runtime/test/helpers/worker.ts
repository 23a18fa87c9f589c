import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { inject } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { Env } from '../../src/env.ts';
import { fakeModelList } from './fake-model-names.ts';

export const origin = 'http://runtime.test';
export const adminToken = 'test-admin-token';

/**
 * The worker's env with the `compatible` provider pointed at the fake model server. Made once: the
 * providers package caches its SDK instances per env object, as a Worker isolate does.
 */
export const testEnv: Env = {
  ...env,
  OPENAI_COMPATIBLE_BASE_URL: inject('fakeModelUrl'),
  OPENAI_COMPATIBLE_MODELS: fakeModelList(),
};

const app = createApp();

export interface SendInit {
  readonly method?: string;
  /** Sent as `Authorization: Bearer <token>`; null sends none. */
  readonly token?: string | null;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
  /** Replaces the env the request sees (e.g. a counting D1 binding). */
  readonly env?: Env;
  readonly signal?: AbortSignal;
}

export interface Sent {
  readonly response: Response;
  /** Resolves once everything the request handed to `waitUntil` (the end-of-run batch) has settled. */
  settle(): Promise<void>;
}

let clients = 0;
/**
 * A client address of its own for every request that names none: rate limits count per address, and
 * tests that send many wrong credentials on purpose (the route-table walk) must not lock each other
 * out. Tests of the limits send one address repeatedly.
 */
const nextClientAddress = () => {
  clients += 1;
  return `198.18.${(clients >> 8) & 255}.${clients & 255}`;
};

/** Builds the Request a test sends; `token` defaults to none. */
export function buildRequest(path: string, init: SendInit = {}): Request {
  const headers = new Headers(init.headers);
  if (!headers.has('cf-connecting-ip')) headers.set('cf-connecting-ip', nextClientAddress());
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return new Request(`${origin}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

/** Sends a request to `createApp().fetch` with its own execution context. */
export async function send(path: string, init: SendInit = {}): Promise<Sent> {
  const context = createExecutionContext();
  const response = await app.fetch(buildRequest(path, init), init.env ?? testEnv, context);
  return { response, settle: () => waitOnExecutionContext(context) };
}

/** Sends a request and waits for its background work; for answers that are not streams. */
export async function request(path: string, init: SendInit = {}): Promise<Response> {
  const { response, settle } = await send(path, init);
  await settle();
  return response;
}
