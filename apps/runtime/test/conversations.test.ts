import { conversationMessageListSchema } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import { createKey, publishedAppWithKey, runCount } from './helpers/admin.ts';
import { chatDocument, workflowDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { compatible, fakeModels, messagesOf, receivedRequests } from './helpers/fake-model.ts';
import { runEndOf, runPath, runStartOf, runToEnd, streamRun } from './helpers/run-stream.ts';
import { request } from './helpers/worker.ts';

describe('conversations', () => {
  it('continues a conversation: the second turn sends the first to the model', async () => {
    const model = fakeModels.history;
    const { app, key } = await publishedAppWithKey(
      chatDocument({ model: compatible(model), memoryTurns: 5 }),
    );
    const first = await runToEnd(runPath(app.id), key, { inputs: { query: 'What is D1?' } });
    const conversationId = first.conversationId;
    expect(conversationId).toMatch(/^conv_/);
    expect(first.outputs).toEqual({ answer: 'Fake reply to: What is D1?' });
    const events = await streamRun(runPath(app.id), key, {
      inputs: { query: 'And KV?' },
      conversationId,
    });
    expect(runStartOf(events).conversationId).toBe(conversationId);
    expect(runEndOf(events).status).toBe('succeeded');

    const requests = await receivedRequests(model);
    expect(requests).toHaveLength(2);
    const messages = messagesOf(requests[1]).filter((message) => message.role !== 'system');
    expect(messages).toEqual([
      { role: 'user', content: 'What is D1?' },
      { role: 'assistant', content: 'Fake reply to: What is D1?' },
      { role: 'user', content: 'And KV?' },
    ]);

    const listed = await request(`/v1/apps/${app.id}/conversations/${conversationId}/messages`, {
      token: key,
    });
    expect(listed.status).toBe(200);
    const { messages: stored } = conversationMessageListSchema.parse(await listed.json());
    expect(stored.map((message) => [message.role, message.content])).toEqual([
      ['user', 'What is D1?'],
      ['assistant', 'Fake reply to: What is D1?'],
      ['user', 'And KV?'],
      ['assistant', 'Fake reply to: And KV?'],
    ]);
    expect(stored[0]?.runId).toBe(first.runId);
  });

  it('sends at most memory.turns earlier exchanges', async () => {
    const model = fakeModels.memoryLimit;
    const { app, key } = await publishedAppWithKey(
      chatDocument({ model: compatible(model), memoryTurns: 1 }),
    );
    const first = await runToEnd(runPath(app.id), key, { inputs: { query: 'one' } });
    const conversationId = first.conversationId;
    await runToEnd(runPath(app.id), key, { inputs: { query: 'two' }, conversationId });
    await runToEnd(runPath(app.id), key, { inputs: { query: 'three' }, conversationId });
    const requests = await receivedRequests(model);
    expect(requests).toHaveLength(3);
    expect(messagesOf(requests[2]).filter((message) => message.role !== 'system')).toEqual([
      { role: 'user', content: 'two' },
      { role: 'assistant', content: 'Fake reply to: two' },
      { role: 'user', content: 'three' },
    ]);
  });

  it('keeps a conversation to the key that started it', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument());
    const first = await runToEnd(runPath(app.id), key, { inputs: { query: 'mine' } });
    const other = await createKey(app.id);
    const body = { inputs: { query: 'theirs' }, conversationId: first.conversationId, stream: false };
    await expectError(await request(runPath(app.id), { token: other.key, json: body }), 404, 'not_found');
    await expectError(
      await request(`/v1/apps/${app.id}/conversations/${first.conversationId}/messages`, {
        token: other.key,
      }),
      404,
      'not_found',
    );
    const unknown = { ...body, conversationId: 'conv_doesnotexist000000' };
    await expectError(await request(runPath(app.id), { token: key, json: unknown }), 404, 'not_found');
    await expectError(
      await request(runPath(app.id), { token: key, json: { ...body, conversationId: 'not-an-id' } }),
      400,
      'invalid_request',
    );
  });

  it('refuses a conversationId for a workflow app', async () => {
    const { app, key } = await publishedAppWithKey(workflowDocument());
    const json = { inputs: { query: 'q' }, conversationId: 'conv_anything00000000' };
    await expectError(await request(runPath(app.id), { token: key, json }), 400, 'invalid_request');
    expect(await runCount(app.id)).toBe(0);
  });
});
