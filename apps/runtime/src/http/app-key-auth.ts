import { createDatabase, createKeyStore, sha256Hex, type VerifiedKey } from '@edgeflow/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from '../env.ts';
import { keyCache } from '../state/caches.ts';
import { bearerToken, isAdminToken, unauthorized } from './admin-auth.ts';
import { ApiError } from './api-error.ts';
import { countAuthFailure, refuseBlockedAddress } from './auth-failures.ts';

/** Who is calling a public route. */
export type Principal = { readonly kind: 'admin' } | { readonly kind: 'key'; readonly key: VerifiedKey };

export type PublicVariables = {
  principal: Principal;
  /** SHA-256 of the widget visitor's id (publishable keys), or null when none was sent. */
  visitor: string | null;
};
export type PublicEnv = { Bindings: Env; Variables: PublicVariables };

async function verifyKey(context: Context<PublicEnv>, token: string): Promise<VerifiedKey | null> {
  const hash = await sha256Hex(token);
  return keyCache.get(
    hash,
    () => createKeyStore(createDatabase(context.env.DB)).verify(token),
    (work) => context.executionCtx.waitUntil(work),
  );
}

/**
 * Authenticates `/v1/*` callers: an app key (secret, or publishable from one of its allowed origins),
 * or the admin token where a route allows it (checked by the route). A secret key sent from a browser
 * (any request with an Origin header) is refused, so a secret pasted into a web page fails loudly.
 */
export const appKeyAuth: MiddlewareHandler<PublicEnv> = async (context, next) => {
  const token = bearerToken(context.req.raw);
  if (token === null) throw unauthorized();
  refuseBlockedAddress(context.req.raw);
  if (isAdminToken(context.env, token)) {
    context.set('principal', { kind: 'admin' });
    return next();
  }
  const key = await verifyKey(context, token);
  if (!key || key.revoked) {
    await countAuthFailure(context.env, context.req.raw);
    throw new ApiError(401, 'unauthorized', 'This key is not valid (unknown or revoked).');
  }
  const origin = context.req.header('origin');
  if (key.kind === 'secret' && origin !== undefined) {
    throw new ApiError(
      403,
      'forbidden',
      'Secret keys must not be used from a browser: use a publishable key with allowed origins for web pages.',
    );
  }
  if (key.kind === 'publishable' && (origin === undefined || !key.allowedOrigins.includes(origin))) {
    throw new ApiError(403, 'origin_not_allowed', 'This publishable key may not be used from this origin.');
  }
  context.set('principal', { kind: 'key', key });
  return next();
};

/**
 * A secret key for this route: publishable keys may only run their app, read their visitors'
 * conversations and the widget's settings, and the admin token is no app key.
 */
export function requireSecretKey(context: Context<PublicEnv>): VerifiedKey {
  const principal = context.get('principal');
  if (principal.kind === 'key' && principal.key.kind === 'secret') return principal.key;
  throw new ApiError(
    403,
    'forbidden',
    principal.kind === 'admin'
      ? 'Use a secret app key here, not the admin token.'
      : 'Publishable keys only run their app and read their visitors’ conversations; call this with a secret key from your server.',
  );
}

/** The key of the caller, when the app matches; anything else answers 404 (no hint that the app exists). */
export function requireAppKey(context: Context<PublicEnv>, appId: string, what: string): VerifiedKey | null {
  const principal = context.get('principal');
  if (principal.kind === 'admin') return null;
  if (principal.key.appId !== appId)
    throw new ApiError(404, 'not_found', `${what} does not exist or is not yours.`);
  return principal.key;
}
