import { constantTimeEqual } from '@edgeflow/db';
import type { MiddlewareHandler } from 'hono';
import type { Env } from '../env.ts';
import { ApiError } from './api-error.ts';
import { countAuthFailure, refuseBlockedAddress } from './auth-failures.ts';

/** The bearer token of a request, if it sent one. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** Whether `token` is the admin token (constant time; false when none is configured). */
export function isAdminToken(env: Env, token: string | null): boolean {
  return Boolean(env.ADMIN_TOKEN) && token !== null && constantTimeEqual(token, env.ADMIN_TOKEN ?? '');
}

const unauthorized = () =>
  new ApiError(
    401,
    'unauthorized',
    'Send the admin token as Authorization: Bearer <token>.',
    {},
    { 'www-authenticate': 'Bearer' },
  );

/**
 * Guards `/api/*`: fails closed with 503 when no admin token is configured, 401 without the right one.
 * Nothing from the client other than the token grants anything (no trusted headers). Wrong tokens are
 * counted per client address and answered 429 past the limit (SECURITY 20).
 */
export const adminAuth: MiddlewareHandler<{ Bindings: Env }> = async (context, next) => {
  if (!context.env.ADMIN_TOKEN) {
    throw new ApiError(
      503,
      'admin_not_configured',
      'The management API is closed: set ADMIN_TOKEN (wrangler secret put ADMIN_TOKEN) to open it.',
    );
  }
  refuseBlockedAddress(context.req.raw);
  const token = bearerToken(context.req.raw);
  if (!isAdminToken(context.env, token)) {
    // A wrong token is a guess; no token at all is not.
    if (token !== null) await countAuthFailure(context.env, context.req.raw);
    throw unauthorized();
  }
  await next();
};

export { unauthorized };
