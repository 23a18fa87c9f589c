import type { MiddlewareHandler } from 'hono';
import type { PublicEnv } from './app-key-auth.ts';
import { clientAddress } from './client-address.ts';
import { enforceRateLimits, type RateLimitRule } from './rate-limit-rules.ts';
import { visitorOf } from './visitor.ts';

/**
 * After `appKeyAuth`, for publishable keys (browsers): reads the widget visitor's id and counts the
 * request against three limits at once, per app and visitor, per app and client address (a visitor
 * who keeps changing ids), and per app. Secret keys are the customer's own servers: they are not
 * rate limited here (the app's daily token budget still applies).
 */
export const widgetGuard: MiddlewareHandler<PublicEnv> = async (context, next) => {
  const principal = context.get('principal');
  if (principal.kind !== 'key' || principal.key.kind !== 'publishable') {
    context.set('visitor', null);
    return next();
  }
  const visitor = await visitorOf(context.req.raw);
  context.set('visitor', visitor);
  const appId = principal.key.appId;
  const rules: RateLimitRule[] = [
    { limiter: 'CLIENT_LIMITER', key: `${appId}:${clientAddress(context.req.raw)}` },
    { limiter: 'APP_LIMITER', key: appId },
  ];
  if (visitor !== null) rules.unshift({ limiter: 'VISITOR_LIMITER', key: `${appId}:${visitor}` });
  await enforceRateLimits(
    context.env,
    rules,
    'Too many requests for this app from here; wait a moment and try again.',
  );
  return next();
};
