import { chatCompletionRequestSchema } from '@edgeflow/api';
import { createDatabase } from '@edgeflow/db';
import { type Context, Hono } from 'hono';
import { ApiError } from '../http/api-error.ts';
import { type PublicEnv, requireSecretKey } from '../http/app-key-auth.ts';
import { readJson } from '../http/read-body.ts';
import { chatQuery } from '../openai/chat-query.ts';
import { type CompletionIdentity, chatCompletion, chunkFormatter } from '../openai/completion-format.ts';
import { checkDailyBudget } from '../run/daily-budget.ts';
import { eventStreamResponse } from '../run/event-stream.ts';
import { executeRun, type RunHandle } from '../run/execute-run.ts';
import { loadPublished } from '../run/load-published.ts';
import { validateRunInputs } from '../run/validate-run-inputs.ts';
import type { CachedPublishedApp } from '../state/caches.ts';

const modelNotFound = (model: string) =>
  new ApiError(
    404,
    'model_not_found',
    `The model ${JSON.stringify(model.slice(0, 80))} does not exist or this key may not call it: use the id of the published chat app the key belongs to (GET /v1/models).`,
    { param: 'model' },
  );

/** The key's app when it is a published chat app; null otherwise. */
async function chatAppOf(context: Context<PublicEnv>, appId: string): Promise<CachedPublishedApp | null> {
  try {
    const app = await loadPublished(context.env, appId, (work) => context.executionCtx.waitUntil(work));
    return app.plan.mode === 'chat' ? app : null;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_published') return null;
    throw error;
  }
}

/** Answers a run as a completion: JSON once it ends, or its chunks as they come. */
function respondAsCompletion(
  context: Context<PublicEnv>,
  model: string,
  stream: boolean,
  includeUsage: boolean,
  app: CachedPublishedApp,
) {
  return async ({ runId, startedAt, recorder, pump }: RunHandle): Promise<Response> => {
    const identity: CompletionIdentity = { id: runId, created: Math.floor(startedAt / 1000), model };
    if (stream) {
      const { response, done } = eventStreamResponse(pump, {
        format: chunkFormatter(identity, app.plan, includeUsage),
      });
      context.executionCtx.waitUntil(done);
      return response;
    }
    await pump(() => undefined);
    const end = recorder.result();
    if (end.status !== 'succeeded') {
      const error = end.error ?? { code: 'run_cancelled', message: 'The run was cancelled.' };
      throw new ApiError(502, error.code, `The app's run ${runId} failed: ${error.message}`);
    }
    return Response.json(chatCompletion(identity, end));
  };
}

/** The OpenAI-compatible endpoint (`/v1/*`, secret keys): a chat app is a model named by its id. */
export const openAiRoutes = new Hono<PublicEnv>()
  .post('/chat/completions', async (context) => {
    const key = requireSecretKey(context);
    const body = await readJson(context, chatCompletionRequestSchema);
    if (body.model !== key.appId) throw modelNotFound(body.model);
    const app = await chatAppOf(context, key.appId);
    if (!app) throw modelNotFound(body.model);
    const waitUntil = (work: Promise<unknown>) => context.executionCtx.waitUntil(work);
    await checkDailyBudget(context.env, key.appId, app.published.app.settings, waitUntil);
    const { query, history } = chatQuery(body.messages);
    const inputs = validateRunInputs(app.plan, { query });
    return executeRun({
      env: context.env,
      db: createDatabase(context.env.DB),
      waitUntil,
      appId: key.appId,
      version: app.published.version,
      plan: app.plan,
      source: 'openai',
      keyId: key.id,
      inputs,
      conversation: null,
      history,
      stream: body.stream === true,
      settings: app.published.app.settings,
      respond: respondAsCompletion(
        context,
        body.model,
        body.stream === true,
        body.stream_options?.include_usage === true,
        app,
      ),
    });
  })
  .get('/models', async (context) => {
    const key = requireSecretKey(context);
    const app = await chatAppOf(context, key.appId);
    const data = app
      ? [
          {
            id: key.appId,
            object: 'model' as const,
            created: Math.floor(Date.parse(app.published.app.createdAt) / 1000),
            owned_by: 'edgeflow',
          },
        ]
      : [];
    return context.json({ object: 'list' as const, data });
  });
