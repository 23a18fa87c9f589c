import { runRequestSchema, widgetConfigSchema } from '@edgeflow/api';
import {
  type ConversationOwner,
  createConversationStore,
  createDatabase,
  createRunStore,
} from '@edgeflow/db';
import { type Context, Hono } from 'hono';
import { ApiError, notFound } from '../http/api-error.ts';
import { type PublicEnv, requireAppKey } from '../http/app-key-auth.ts';
import { readJson } from '../http/read-body.ts';
import { requireVisitor } from '../http/visitor.ts';
import { checkDailyBudget } from '../run/daily-budget.ts';
import { executeRun } from '../run/execute-run.ts';
import { loadPublished } from '../run/load-published.ts';
import { resolveConversation } from '../run/resolve-conversation.ts';
import { validateRunInputs } from '../run/validate-run-inputs.ts';
import { shownRun } from './runs.ts';

function appKeyFor(context: Context<PublicEnv>, appId: string, what: string) {
  const key = requireAppKey(context, appId, what);
  if (!key)
    throw new ApiError(
      403,
      'forbidden',
      'Use an app key here; the admin token runs drafts through /api/apps/{appId}/draft/runs.',
    );
  return key;
}

/**
 * Who owns the conversations a key starts: the key, and for publishable keys (the widget) also the
 * visitor, so no visitor reads another's thread.
 */
function ownerOf(context: Context<PublicEnv>, appId: string, what: string): ConversationOwner {
  const key = appKeyFor(context, appId, what);
  if (key.kind === 'secret') return { keyId: key.id, visitorId: null };
  return { keyId: key.id, visitorId: requireVisitor(context.get('visitor')) };
}

/** Running published apps and reading what a key may see (`/v1/*`, app keys). */
export const publicRoutes = new Hono<PublicEnv>()
  .post('/apps/:appId/runs', async (context) => {
    const appId = context.req.param('appId');
    const owner = ownerOf(context, appId, 'This app');
    const body = await readJson(context, runRequestSchema, { optional: true });
    const waitUntil = (work: Promise<unknown>) => context.executionCtx.waitUntil(work);
    const { published, plan } = await loadPublished(context.env, appId, waitUntil);
    await checkDailyBudget(context.env, appId, published.app.settings, waitUntil);
    const inputs = validateRunInputs(plan, body.inputs);
    const db = createDatabase(context.env.DB);
    return executeRun({
      env: context.env,
      db,
      waitUntil,
      appId,
      version: published.version,
      plan,
      source: owner.visitorId === null ? 'api' : 'widget',
      keyId: owner.keyId,
      inputs,
      conversation: await resolveConversation(db, appId, plan, owner, body.conversationId),
      stream: body.stream,
      settings: published.app.settings,
    });
  })
  .get('/apps/:appId/conversations/:conversationId/messages', async (context) => {
    const { appId, conversationId } = context.req.param();
    const owner = ownerOf(context, appId, 'This conversation');
    const messages = await createConversationStore(createDatabase(context.env.DB)).messages(
      appId,
      conversationId,
      owner,
    );
    if (messages === null) throw notFound('This conversation');
    return context.json({ messages });
  })
  .get('/apps/:appId/widget', async (context) => {
    const appId = context.req.param('appId');
    appKeyFor(context, appId, 'This app');
    const { published } = await loadPublished(context.env, appId, (work) =>
      context.executionCtx.waitUntil(work),
    );
    const settings = published.app.settings as { greeting?: string; theme?: unknown };
    return context.json(
      widgetConfigSchema.parse({
        name: published.app.name,
        greeting: settings.greeting ?? null,
        theme: settings.theme ?? {},
      }),
    );
  })
  .get('/runs/:runId', async (context) => {
    const principal = context.get('principal');
    if (principal.kind === 'key' && principal.key.kind === 'publishable') {
      // A publishable key is public; a trace holds the app's prompts and every step's data.
      throw new ApiError(
        403,
        'forbidden',
        'Run records are for secret keys and the admin token; a publishable key reads only its visitors’ conversations.',
      );
    }
    const scope =
      principal.kind === 'admin'
        ? ({ admin: true } as const)
        : ({ admin: false, keyId: principal.key.id } as const);
    const record = await createRunStore(createDatabase(context.env.DB)).get(
      context.req.param('runId'),
      scope,
    );
    if (!record) throw notFound('This run');
    return context.json(shownRun(record));
  });
