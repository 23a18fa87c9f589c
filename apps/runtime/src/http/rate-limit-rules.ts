import type { Env } from '../env.ts';
import { ApiError } from './api-error.ts';

/** The limiter bindings of wrangler.jsonc and their periods in seconds (repeated here for Retry-After). */
export const rateLimitPeriods = {
  AUTH_FAILURE_LIMITER: 60,
  VISITOR_LIMITER: 60,
  CLIENT_LIMITER: 60,
  APP_LIMITER: 60,
} as const satisfies Record<string, 10 | 60>;

export type LimiterName = keyof typeof rateLimitPeriods;

/** One counter to bump: a binding and the key of its bucket. */
export interface RateLimitRule {
  readonly limiter: LimiterName;
  readonly key: string;
}

/**
 * Seconds until the current window of a `period`-second limiter ends. The local limiter's windows are
 * aligned to the clock; Cloudflare's are close to it, so this is the honest wait either way.
 */
export function retryAfterSeconds(period: number, now: number = Date.now()): number {
  return Math.max(1, Math.ceil(period - ((now / 1000) % period)));
}

export function rateLimited(limiter: LimiterName, message: string): ApiError {
  const retryAfter = retryAfterSeconds(rateLimitPeriods[limiter]);
  return new ApiError(
    429,
    'rate_limited',
    message,
    { retryAfterSeconds: retryAfter },
    {
      'retry-after': String(retryAfter),
    },
  );
}

/** Bumps every rule's counter at once; the first one over its limit answers 429 with Retry-After. */
export async function enforceRateLimits(
  env: Env,
  rules: readonly RateLimitRule[],
  message: string,
): Promise<void> {
  const outcomes = await Promise.all(rules.map((rule) => env[rule.limiter].limit({ key: rule.key })));
  const index = outcomes.findIndex((outcome) => !outcome.success);
  const refused = rules[index];
  if (refused) throw rateLimited(refused.limiter, message);
}
