import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { adminJson, createKey, publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument, workflowDocument } from './helpers/documents.ts';
import { compatible, fakeModels, messagesOf, receivedRequests, scriptModel } from './helpers/fake-model.ts';
import { openAiClient } from './helpers/openai-client.ts';
import { adminToken, request, send } from './helpers/worker.ts';

const hello = [{ role: 'user' as const, content: 'hello' }];

/** The error a call must fail with, as the `openai` client raises it. */
async function openAiError(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof OpenAI.APIError))
    throw new Error(`expected an OpenAI APIError, got ${String(error)}`);
  return error;
}

/** A raw answer in OpenAI's error shape, exactly. */
async function expectOpenAiErrorBody(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error;
}

describe('POST /v1/chat/completions with the openai client', () => {
  it('answers without streaming, with the run id as the completion id and usage', async () => {
    await scriptModel(fakeModels.openAi, {
      text: 'Hi there, friend',
      usage: { prompt_tokens: 7, completion_tokens: 4 },
    });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(fakeModels.openAi) }));
    const completion = await openAiClient(key).chat.completions.create({ model: app.id, messages: hello });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: app.id,
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hi there, friend' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 7, completion_tokens: 4, total_tokens: 11 },
    });
    expect(completion.id).toMatch(/^run_/);
    expect(Math.abs(completion.created - Date.now() / 1000)).toBeLessThan(60);
    const record = await adminJson<{ source: string; conversationId: string | null; inputs: unknown }>(
      `/api/runs/${completion.id}`,
    );
    expect(record).toMatchObject({ source: 'openai', conversationId: null, inputs: { query: 'hello' } });
  });

  it('streams chunks with the role first, content deltas, finish_reason, usage and [DONE]', async () => {
    await scriptModel(fakeModels.openAi, {
      tokens: ['Hel', 'lo', ' wor', 'ld'],
      usage: { prompt_tokens: 3, completion_tokens: 4 },
    });
    const { app, key } = await publishedAppWithKey(
      chatDocument({ model: compatible(fakeModels.openAi), nodes: 4 }),
    );
    const stream = await openAiClient(key).chat.completions.create({
      model: app.id,
      messages: hello,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks[0]?.id).toMatch(/^run_/);
    for (const chunk of chunks)
      expect(chunk).toMatchObject({ object: 'chat.completion.chunk', model: app.id });
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe('Hello world');
    // Each model token leaves as its own chunk, and only the answer's text (not the template step's).
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBe(4);
    const finishing = chunks.filter((chunk) => chunk.choices[0]?.finish_reason);
    expect(finishing.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual(['stop']);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  });

  it('ends the raw stream with data: [DONE], and sends no usage chunk unless asked', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument());
    const { response, settle } = await send('/v1/chat/completions', {
      token: key,
      json: { model: app.id, messages: hello, stream: true },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    await settle();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const data = text
      .split('\n\n')
      .filter((block) => block.startsWith('data: {'))
      .map((block) => JSON.parse(block.slice(6)) as Record<string, unknown>);
    expect(data.every((chunk) => !('usage' in chunk))).toBe(true);
    expect(text).not.toContain('event:');
  });

  it('passes earlier messages as the history, and stores no conversation', async () => {
    const model = fakeModels.openAiHistory;
    const { app, key } = await publishedAppWithKey(
      chatDocument({ model: compatible(model), memoryTurns: 5 }),
    );
    const client = openAiClient(key);
    const first = await client.chat.completions.create({
      model: app.id,
      messages: [
        { role: 'system', content: 'Ignored: the pipeline owns its prompts.' },
        { role: 'user', content: 'What is D1?' },
      ],
    });
    const answer = first.choices[0]?.message.content ?? '';
    expect(answer).toBe('Fake reply to: What is D1?');
    const second = await client.chat.completions.create({
      model: app.id,
      messages: [
        { role: 'system', content: 'Ignored.' },
        { role: 'user', content: 'What is D1?' },
        { role: 'assistant', content: answer },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'And ' },
            { type: 'text', text: 'KV?' },
          ],
        },
      ],
    });
    expect(second.choices[0]?.message.content).toBe('Fake reply to: And KV?');
    const requests = await receivedRequests(model);
    expect(requests).toHaveLength(2);
    expect(messagesOf(requests[1]).filter((message) => message.role !== 'system')).toEqual([
      { role: 'user', content: 'What is D1?' },
      { role: 'assistant', content: 'Fake reply to: What is D1?' },
      { role: 'user', content: 'And KV?' },
    ]);
    expect(JSON.stringify(requests[1]?.body)).not.toContain('Ignored');
  });

  it('fails the call the OpenAI way when the app’s model provider fails', async () => {
    const model = fakeModels.openAiDown;
    await scriptModel(model, { status: 400 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model) }));
    const client = openAiClient(key);
    const plain = await openAiError(client.chat.completions.create({ model: app.id, messages: hello }));
    expect(plain.status).toBe(502);
    expect(plain.type).toBe('server_error');
    const stream = await client.chat.completions.create({ model: app.id, messages: hello, stream: true });
    const streamed = await openAiError(
      (async () => {
        for await (const _chunk of stream) {
          // read to the error
        }
      })(),
    );
    expect(streamed.message.length).toBeGreaterThan(0);
  });
});

describe('errors of the OpenAI endpoint, in OpenAI’s shape', () => {
  it('refuses a wrong key as the openai client expects (401 invalid_api_key)', async () => {
    const { app } = await publishedAppWithKey(chatDocument());
    const error = await openAiError(
      openAiClient(`ef_sk_${'0'.repeat(43)}`).chat.completions.create({ model: app.id, messages: hello }),
    );
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error.code).toBe('invalid_api_key');
    expect(await openAiError(openAiClient('nonsense').models.list())).toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
    await expectOpenAiErrorBody(
      await request('/v1/chat/completions', { json: { model: app.id, messages: hello } }),
      401,
      'invalid_api_key',
    );
  });

  it('answers 404 model_not_found for any model but the key’s published chat app', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument());
    const other = await publishedAppWithKey(chatDocument());
    const workflow = await publishedAppWithKey(workflowDocument());
    const client = openAiClient(key);
    for (const model of ['gpt-4o', other.app.id, 'app_doesnotexist000000', '']) {
      const error = await openAiError(client.chat.completions.create({ model, messages: hello }));
      if (model === '') {
        expect(error.status).toBe(400);
        continue;
      }
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error.code).toBe('model_not_found');
      expect(error.param).toBe('model');
    }
    const notChat = await openAiError(
      openAiClient(workflow.key).chat.completions.create({ model: workflow.app.id, messages: hello }),
    );
    expect(notChat.code).toBe('model_not_found');
    expect((await client.chat.completions.create({ model: app.id, messages: hello })).object).toBe(
      'chat.completion',
    );
  });

  it('refuses malformed requests with 400/415 and other credentials with 403', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument());
    const post = (json: unknown, init: { token?: string; headers?: Record<string, string> } = {}) =>
      request('/v1/chat/completions', { token: key, json, ...init });
    for (const json of [
      {},
      { model: app.id },
      { model: app.id, messages: [] },
      { model: app.id, messages: 'hello' },
      { model: app.id, messages: [{ role: 'wizard', content: 'x' }] },
      { model: app.id, messages: hello, stream: 'yes' },
    ]) {
      await expectOpenAiErrorBody(await post(json), 400, 'invalid_request');
    }
    const noUser = await expectOpenAiErrorBody(
      await post({ model: app.id, messages: [{ role: 'system', content: 'x' }] }),
      400,
      'invalid_request',
    );
    expect(noUser.param).toBe('messages');
    await expectOpenAiErrorBody(
      await request('/v1/chat/completions', {
        token: key,
        body: 'hello',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'unsupported_media_type',
    );
    await expectOpenAiErrorBody(
      await request('/v1/chat/completions', {
        token: key,
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed_json',
    );
    // A secret key from a browser, the admin token, a publishable key: not for this endpoint.
    await expectOpenAiErrorBody(
      await post({ model: app.id, messages: hello }, { headers: { origin: 'https://shop.example' } }),
      403,
      'forbidden',
    );
    await expectOpenAiErrorBody(
      await post({ model: app.id, messages: hello }, { token: adminToken }),
      403,
      'forbidden',
    );
    const publishable = await createKey(app.id, {
      kind: 'publishable',
      allowedOrigins: ['https://shop.example'],
    });
    await expectOpenAiErrorBody(
      await post(
        { model: app.id, messages: hello },
        {
          token: publishable.key,
          headers: { origin: 'https://shop.example', 'x-edgeflow-visitor': crypto.randomUUID() },
        },
      ),
      403,
      'forbidden',
    );
  });
});

describe('GET /v1/models', () => {
  it('lists the key’s chat app as the one model', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument());
    const models = [];
    for await (const model of openAiClient(key).models.list()) models.push(model);
    expect(models).toEqual([
      {
        id: app.id,
        object: 'model',
        created: Math.floor(Date.parse(app.createdAt) / 1000),
        owned_by: 'edgeflow',
      },
    ]);
    const raw = await request('/v1/models', { token: key });
    expect(await raw.json()).toMatchObject({ object: 'list' });
  });

  it('lists nothing for a workflow app or an app not published yet', async () => {
    const workflow = await publishedAppWithKey(workflowDocument());
    expect((await openAiClient(workflow.key).models.list()).data).toEqual([]);
    const draft = await adminJson<{ id: string }>(
      '/api/apps',
      { method: 'POST', json: { name: 'draft only' } },
      201,
    );
    const { key } = await createKey(draft.id);
    expect((await openAiClient(key).models.list()).data).toEqual([]);
  });
});
