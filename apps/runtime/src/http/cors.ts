import { createDatabase, createKeyStore } from '@edgeflow/db';
import type { Context, MiddlewareHandler } from 'hono';
import { appOriginsCache } from '../state/caches.ts';
import { ApiError } from './api-error.ts';
import type { PublicEnv } from './app-key-auth.ts';
import { clientAddress } from './client-address.ts';
import { enforceRateLimits } from './rate-limit-rules.ts';
import { visitorHeader } from './visitor.ts';

/** How long a browser may reuse a preflight's answer, in seconds. */
const preflightMaxAgeSeconds = 600;
const appPath = /^\/v1\/apps\/([^/]+)\/(runs|widget|conversations\/[^/]+\/messages)$/;

/** What an allowed origin's answers carry; never `Access-Control-Allow-Credentials`. */
function allowOrigin(context: Context<PublicEnv>, origin: string): void {
  context.header('access-control-allow-origin', origin);
  context.header('access-control-expose-headers', 'Retry-After');
}

async function originsOf(context: Context<PublicEnv>, appId: string): Promise<ReadonlySet<string>> {
  return appOriginsCache.get(
    appId,
    async () => new Set(await createKeyStore(createDatabase(context.env.DB)).publishableOrigins(appId)),
    (work) => context.executionCtx.waitUntil(work),
  );
}

/**
 * A preflight carries no key, so it is answered from the origins the app's publishable keys allow, on
 * the only paths publishable keys may use; anything else gets 403 and no CORS headers.
 */
async function preflight(context: Context<PublicEnv>, origin: string | undefined): Promise<Response> {
  // Preflights carry no key and may cost a read: they are counted per client address.
  await enforceRateLimits(
    context.env,
    [{ limiter: 'CLIENT_LIMITER', key: `preflight:${clientAddress(context.req.raw)}` }],
    'Too many preflight requests from this address; wait a moment and try again.',
  );
  const appId = appPath.exec(context.req.path)?.[1];
  const method = context.req.header('access-control-request-method');
  if (
    origin === undefined ||
    appId === undefined ||
    (method !== 'GET' && method !== 'POST') ||
    !(await originsOf(context, appId)).has(origin)
  ) {
    throw new ApiError(403, 'origin_not_allowed', 'This origin may not call this path from a browser.');
  }
  allowOrigin(context, origin);
  context.header('access-control-allow-methods', 'GET, POST');
  context.header('access-control-allow-headers', `authorization, content-type, ${visitorHeader}`);
  context.header('access-control-max-age', String(preflightMaxAgeSeconds));
  context.header('vary', 'Origin');
  return context.body(null, 204);
}

/**
 * CORS for `/v1/*`, before authentication: answers preflights, and gives an answer the
 * `Access-Control-Allow-Origin` of its request's `Origin` only when the caller is a publishable key
 * that allows exactly that origin (errors included, so a widget can read a 429). Secret keys are
 * refused from browsers anyway (`appKeyAuth`), so their answers never carry CORS headers.
 */
export const cors: MiddlewareHandler<PublicEnv> = async (context, next) => {
  const origin = context.req.header('origin');
  if (context.req.method === 'OPTIONS') return preflight(context, origin);
  await next();
  if (origin !== undefined) {
    context.header('vary', 'Origin');
    const principal = context.get('principal') as PublicEnv['Variables']['principal'] | undefined;
    const key = principal?.kind === 'key' ? principal.key : undefined;
    if (key?.kind === 'publishable' && key.allowedOrigins.includes(origin)) allowOrigin(context, origin);
  }
  return undefined;
};
