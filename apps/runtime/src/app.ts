import { Hono } from 'hono';
import type { Env } from './env.ts';
import { adminAuth } from './http/admin-auth.ts';
import { ApiError, handleError } from './http/api-error.ts';
import { appKeyAuth } from './http/app-key-auth.ts';
import { cors } from './http/cors.ts';
import { widgetGuard } from './http/widget-guard.ts';
import { appRoutes } from './routes/apps.ts';
import { publicInfoRoutes } from './routes/docs.ts';
import { keyRoutes } from './routes/keys.ts';
import { knowledgeBaseRoutes } from './routes/knowledge-bases.ts';
import { openAiRoutes } from './routes/openai.ts';
import { platformRoutes } from './routes/platform.ts';
import { publicRoutes } from './routes/public.ts';
import { adminRunRoutes } from './routes/runs.ts';
import { secretRoutes } from './routes/secrets.ts';

/**
 * The runtime's HTTP surface. Deny by default: every `/api/*` path (known or not) passes the admin
 * check first and every `/v1/*` path the app-key check, before any routing or body parsing; `/v1/*`
 * answers CORS preflights before that (they carry no key) and rate limits publishable keys after it.
 */
export function createApp() {
  const app = new Hono<{ Bindings: Env }>();
  app.onError(handleError);
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'There is nothing at this path; see /docs for the API.');
  });
  app.use('*', async (context, next) => {
    await next();
    context.header('x-content-type-options', 'nosniff');
    context.header('referrer-policy', 'no-referrer');
  });
  app.use('/api/*', adminAuth);
  app.use('/v1/*', cors);
  app.use('/v1/*', appKeyAuth);
  app.use('/v1/*', widgetGuard);
  app.route('/', publicInfoRoutes);
  app.route('/api', platformRoutes);
  app.route('/api/apps', appRoutes);
  app.route('/api/apps', keyRoutes);
  app.route('/api', adminRunRoutes);
  app.route('/api/secrets', secretRoutes);
  app.route('/api/knowledge-bases', knowledgeBaseRoutes);
  app.route('/v1', publicRoutes);
  app.route('/v1', openAiRoutes);
  return app;
}
