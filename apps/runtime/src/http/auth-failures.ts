import type { Env } from '../env.ts';
import { clientAddress } from './client-address.ts';
import { rateLimited, rateLimitPeriods, retryAfterSeconds } from './rate-limit-rules.ts';

const message = 'Too many requests with wrong credentials from this address; wait before trying again.';

/**
 * Addresses this isolate has seen go over the failure limit, until the end of that window. Without it
 * a guesser would still learn which guess was right (the one not refused); with it, every attempt from
 * the address is refused, right or wrong, before any key is looked up.
 */
const blockedUntil = new Map<string, number>();
const maxBlocked = 10_000;

/** 429 before anything is checked when this address recently went over the failure limit. */
export function refuseBlockedAddress(request: Request): void {
  const address = clientAddress(request);
  const until = blockedUntil.get(address);
  if (until === undefined) return;
  if (until > Date.now()) throw rateLimited('AUTH_FAILURE_LIMITER', message);
  blockedUntil.delete(address);
}

/**
 * Counts one wrong credential for the caller's address (SECURITY 20); past the limit, answers 429 with
 * Retry-After instead of the 401, and refuses the address until its window ends.
 */
export async function countAuthFailure(env: Env, request: Request): Promise<void> {
  const address = clientAddress(request);
  const { success } = await env.AUTH_FAILURE_LIMITER.limit({ key: `auth:${address}` });
  if (success) return;
  if (blockedUntil.size >= maxBlocked) blockedUntil.delete(blockedUntil.keys().next().value ?? '');
  blockedUntil.set(address, Date.now() + retryAfterSeconds(rateLimitPeriods.AUTH_FAILURE_LIMITER) * 1000);
  throw rateLimited('AUTH_FAILURE_LIMITER', message);
}
