import { createAppRequestSchema, publishRequestSchema, updateAppRequestSchema } from '@edgeflow/api';
import { type AppRecord, createAppStore, createDatabase } from '@edgeflow/db';
import { compile, type Plan, workflowDocumentSchema } from '@edgeflow/graph';
import { type Context, Hono } from 'hono';
import type { Env } from '../env.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { readJson } from '../http/read-body.ts';
import { appOriginsCache, keyCache, publishedCache } from '../state/caches.ts';
import { initialDocument } from './app-documents.ts';

type AppContext = Context<{ Bindings: Env }>;
const apps = (context: AppContext) => createAppStore(createDatabase(context.env.DB));

/** An app by the id in the path, or 404. */
export async function requireApp(context: AppContext): Promise<AppRecord> {
  const app = await apps(context).get(context.req.param('appId') ?? '');
  if (!app) throw notFound('This app');
  return app;
}

/** The draft's plan, or 422 `invalid_graph` with its diagnostics (publish and test runs refuse such drafts). */
export function compiledDraft(app: AppRecord): Plan {
  const result = compile(app.draft);
  if (result.ok) return result.plan;
  throw new ApiError(
    422,
    'invalid_graph',
    'The draft does not compile; fix the problems listed in details.diagnostics.',
    {
      diagnostics: result.diagnostics,
    },
  );
}

/** Apps, drafts, publishing and versions (admin). */
export const appRoutes = new Hono<{ Bindings: Env }>()
  .post('/', async (context) => {
    const body = await readJson(context, createAppRequestSchema);
    const draft = initialDocument(body);
    const app = await apps(context).create({ name: body.name, mode: draft.mode, draft });
    return context.json(app, 201);
  })
  .get('/', async (context) => context.json({ apps: await apps(context).list() }))
  .get('/:appId', async (context) => context.json(await requireApp(context)))
  .patch('/:appId', async (context) => {
    const body = await readJson(context, updateAppRequestSchema);
    const patch = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.settings !== undefined ? { settings: body.settings } : {}),
    };
    const app = await apps(context).update(context.req.param('appId'), patch);
    if (!app) throw notFound('This app');
    publishedCache.delete(app.id);
    return context.json(app);
  })
  .delete('/:appId', async (context) => {
    const appId = context.req.param('appId');
    if (!(await apps(context).delete(appId))) throw notFound('This app');
    publishedCache.delete(appId);
    keyCache.deleteWhere((key) => key?.appId === appId);
    appOriginsCache.delete(appId);
    return context.body(null, 204);
  })
  .put('/:appId/draft', async (context) => {
    // A document that parses is saved even when it does not compile (the editor autosaves);
    // only a body that is not a workflow document at all is refused.
    const draft = await readJson(context, workflowDocumentSchema, { limit: 4 * 1024 * 1024 });
    const app = await apps(context).update(context.req.param('appId'), { draft, mode: draft.mode });
    if (!app) throw notFound('This app');
    return context.json({ diagnostics: compile(draft).diagnostics });
  })
  .post('/:appId/publish', async (context) => {
    const body = await readJson(context, publishRequestSchema, { optional: true });
    const app = await requireApp(context);
    compiledDraft(app);
    const version = await apps(context).publish(app.id, app.draft, body.note ?? '');
    publishedCache.delete(app.id);
    return context.json({ version: version.version, createdAt: version.createdAt }, 201);
  })
  .get('/:appId/versions', async (context) => {
    const app = await requireApp(context);
    return context.json({ versions: await apps(context).versions(app.id) });
  });
