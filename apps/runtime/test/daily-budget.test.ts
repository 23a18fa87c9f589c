import { env } from 'cloudflare:workers';
import { utcDay } from '@edgeflow/db';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { adminRequest, createKey, publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { compatible, fakeModels, scriptModel } from './helpers/fake-model.ts';
import { openAiClient } from './helpers/openai-client.ts';
import { runPath, runToEnd } from './helpers/run-stream.ts';
import { newVisitor, shop, widgetRequest } from './helpers/widget.ts';
import { request } from './helpers/worker.ts';

const secondsToMidnight = () => Math.ceil((86_400_000 - (Date.now() % 86_400_000)) / 1000);

/** A published chat app whose every run uses 50 tokens, with `settings`. */
async function budgetedApp(settings: Record<string, unknown>) {
  await scriptModel(fakeModels.budget, { text: 'ok', usage: { prompt_tokens: 30, completion_tokens: 20 } });
  const app = await publishedAppWithKey(chatDocument({ model: compatible(fakeModels.budget) }));
  const patched = await adminRequest(`/api/apps/${app.app.id}`, { method: 'PATCH', json: { settings } });
  expect(patched.status, await patched.text()).toBe(200);
  return app;
}

const usageRow = (appId: string) =>
  env.DB.prepare('select input_tokens, output_tokens, runs from app_daily_usage where app_id = ? and day = ?')
    .bind(appId, utcDay(Date.now()))
    .first();

describe('the daily token budget (SECURITY 15)', () => {
  it('counts each run’s tokens and refuses public runs once the day’s budget is spent', async () => {
    const { app, key } = await budgetedApp({ dailyTokenBudget: 100 });
    const query = { inputs: { query: 'hi' } };
    expect((await runToEnd(runPath(app.id), key, query)).usage).toEqual({
      inputTokens: 30,
      outputTokens: 20,
    });
    await runToEnd(runPath(app.id), key, query);
    expect(await usageRow(app.id)).toEqual({ input_tokens: 60, output_tokens: 40, runs: 2 });

    const refused = await request(runPath(app.id), { token: key, json: query });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Math.abs(retryAfter - secondsToMidnight())).toBeLessThanOrEqual(2);
    const error = await expectError(refused, 429, 'budget_exhausted');
    expect(error.message).toContain('100 tokens');
    expect(error.details).toMatchObject({ budget: 100, used: 100 });
    expect(Date.parse(String(error.details.resetsAt)) % 86_400_000).toBe(0);

    // The OpenAI endpoint and the widget are refused alike, each in its own shape.
    const openAi = await openAiClient(key)
      .chat.completions.create({ model: app.id, messages: [{ role: 'user', content: 'hi' }] })
      .catch((reason: unknown) => reason);
    expect(openAi).toBeInstanceOf(OpenAI.RateLimitError);
    expect((openAi as InstanceType<typeof OpenAI.APIError>).code).toBe('budget_exhausted');
    expect((openAi as InstanceType<typeof OpenAI.APIError>).type).toBe('insufficient_quota');
    const publishable = await createKey(app.id, { kind: 'publishable', allowedOrigins: [shop] });
    const widget = await widgetRequest(runPath(app.id), publishable.key, newVisitor(), { json: query });
    expect(widget.headers.get('access-control-allow-origin')).toBe(shop);
    await expectError(widget, 429, 'budget_exhausted');

    // Nothing ran: the count stayed; the admin's test runs of the draft still run.
    expect(await usageRow(app.id)).toEqual({ input_tokens: 60, output_tokens: 40, runs: 2 });
    const draft = await adminRequest(`/api/apps/${app.id}/draft/runs`, { json: { ...query, stream: false } });
    expect(draft.status).toBe(200);

    // A larger budget lets runs through again at once.
    await adminRequest(`/api/apps/${app.id}`, {
      method: 'PATCH',
      json: { settings: { dailyTokenBudget: 1000 } },
    });
    expect((await runToEnd(runPath(app.id), key, query)).status).toBe('succeeded');
  });

  it('starts from what D1 holds for the day (usage of other instances)', async () => {
    const { app, key } = await budgetedApp({ dailyTokenBudget: 500 });
    await env.DB.prepare(
      'insert into app_daily_usage (app_id, day, input_tokens, output_tokens, runs) values (?, ?, 400, 100, 9)',
    )
      .bind(app.id, utcDay(Date.now()))
      .run();
    await expectError(
      await request(runPath(app.id), { token: key, json: { inputs: { query: 'hi' } } }),
      429,
      'budget_exhausted',
    );
  });

  it('leaves apps without a budget alone, and refuses budgets that are not whole positive numbers', async () => {
    const { app, key } = await budgetedApp({});
    for (let run = 0; run < 3; run += 1) await runToEnd(runPath(app.id), key, { inputs: { query: 'hi' } });
    expect(await usageRow(app.id)).toEqual({ input_tokens: 90, output_tokens: 60, runs: 3 });
    for (const dailyTokenBudget of [0, -1, 1.5, '100', null, 1e13]) {
      await expectError(
        await adminRequest(`/api/apps/${app.id}`, {
          method: 'PATCH',
          json: { settings: { dailyTokenBudget } },
        }),
        400,
        'invalid_request',
      );
    }
  });
});
