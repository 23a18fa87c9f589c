import { runListQuerySchema, runRequestSchema } from '@edgeflow/api';
import { createDatabase, createRunStore, decodeRunCursor, type RunRecord } from '@edgeflow/db';
import { Hono } from 'hono';
import type { Env } from '../env.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { readJson } from '../http/read-body.ts';
import { executeRun } from '../run/execute-run.ts';
import { resolveConversation } from '../run/resolve-conversation.ts';
import { validateRunInputs } from '../run/validate-run-inputs.ts';
import { compiledDraft, requireApp } from './apps.ts';

/** A run record as the contract shows it (which key started it stays internal). */
export function shownRun(record: RunRecord) {
  const { keyId: _keyId, ...shown } = record;
  return shown;
}

/** Run logs and test runs of the draft (admin). */
export const adminRunRoutes = new Hono<{ Bindings: Env }>()
  .get('/apps/:appId/runs', async (context) => {
    const query = runListQuerySchema.safeParse(context.req.query());
    if (!query.success)
      throw new ApiError(400, 'invalid_request', 'cursor or limit is not valid (limit is 1 to 100).');
    if (query.data.cursor && !decodeRunCursor(query.data.cursor)) {
      throw new ApiError(
        400,
        'invalid_request',
        'This cursor is not one this API gave out; start again without it.',
      );
    }
    const app = await requireApp(context);
    const page = await createRunStore(createDatabase(context.env.DB)).list(app.id, {
      cursor: query.data.cursor || undefined,
      limit: query.data.limit,
    });
    return context.json(page);
  })
  .get('/runs/:runId', async (context) => {
    const record = await createRunStore(createDatabase(context.env.DB)).get(context.req.param('runId'), {
      admin: true,
    });
    if (!record) throw notFound('This run');
    return context.json(shownRun(record));
  })
  .post('/apps/:appId/draft/runs', async (context) => {
    const body = await readJson(context, runRequestSchema, { optional: true });
    const app = await requireApp(context);
    const plan = compiledDraft(app);
    const db = createDatabase(context.env.DB);
    const inputs = validateRunInputs(plan, body.inputs);
    return executeRun({
      env: context.env,
      db,
      waitUntil: (work) => context.executionCtx.waitUntil(work),
      appId: app.id,
      version: null,
      plan,
      source: 'editor',
      keyId: null,
      inputs,
      conversation: await resolveConversation(
        db,
        app.id,
        plan,
        { keyId: null, visitorId: null },
        body.conversationId,
      ),
      stream: body.stream,
      settings: app.settings,
    });
  });
