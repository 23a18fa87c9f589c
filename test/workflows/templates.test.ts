import { createEchoModel, type EnginePorts, type RunEvent, run } from '@edgeflow/engine';
import {
  collectEvents,
  createFunctionSandbox,
  createKeywordRetriever,
  createScriptedHttp,
  createTimerClock,
  jsonResponse,
} from '@edgeflow/engine/testing';
import { compile, type Plan } from '@edgeflow/graph';
import { findTemplate, templates } from '@edgeflow/workflows';
import { describe, expect, it } from 'vitest';

function planOf(id: string, edit?: (document: Record<string, unknown>) => void): Plan {
  const template = findTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  const document = structuredClone(template.document) as Record<string, unknown>;
  edit?.(document);
  const result = compile(document);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.plan;
}

function ports(overrides: Partial<EnginePorts> = {}): EnginePorts {
  return {
    clock: createTimerClock(),
    model: createEchoModel(),
    retriever: createKeywordRetriever([]),
    http: createScriptedHttp({}),
    sandbox: createFunctionSandbox(),
    secrets: { get: async (name) => (name === 'orders_api_key' ? 'sk-test-orders' : undefined) },
    ...overrides,
  };
}

function runEnd(events: readonly RunEvent[]) {
  const last = events[events.length - 1];
  if (last?.type !== 'run-end') throw new Error('the last event is not run-end');
  return last;
}

const nodeStatuses = (events: readonly RunEvent[]) =>
  Object.fromEntries(
    events.flatMap((event) => (event.type === 'node-end' ? [[event.nodeId, event.status]] : [])),
  );

describe('workflow templates', () => {
  it.each(templates.map((template) => [template.id, template] as const))(
    '%s compiles without warnings',
    (_id, template) => {
      const result = compile(template.document);
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
    },
  );

  it('chat-assistant streams an echo answer and keeps the history', async () => {
    const events = await collectEvents(
      run(planOf('chat-assistant'), {
        inputs: { query: 'What are your opening hours?' },
        ports: ports(),
        history: [
          { role: 'user', content: 'Hello' },
          { role: 'assistant', content: 'Hi there' },
        ],
      }),
    );
    const end = runEnd(events);
    expect(end.status).toBe('succeeded');
    expect(String(end.outputs.answer)).toContain('What are your opening hours?');
    const deltas = events.filter((event) => event.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((event) => (event.type === 'text-delta' ? event.delta : '')).join('')).toBe(
      end.outputs.answer,
    );
  });

  it('knowledge-qa grounds the prompt in retrieved passages', async () => {
    const plan = planOf('knowledge-qa', (document) => {
      const nodes = document.nodes as { id: string; config: Record<string, unknown> }[];
      const kb = nodes.find((node) => node.id === 'kb');
      if (kb) kb.config.knowledgeBaseIds = ['kb_handbook'];
    });
    const retriever = createKeywordRetriever([
      { knowledgeBaseId: 'kb_handbook', title: 'Returns', text: 'Refunds are paid within 5 working days.' },
      { knowledgeBaseId: 'kb_handbook', title: '退货政策', text: '退款将在5个工作日内退回。' },
      { knowledgeBaseId: 'kb_other', title: 'Secret', text: 'Refunds are never paid.' },
    ]);
    const events = await collectEvents(
      run(plan, { inputs: { query: 'When are refunds paid?' }, ports: ports({ retriever }) }),
    );
    expect(runEnd(events).status).toBe('succeeded');
    const kbEnd = events.find((event) => event.type === 'node-end' && event.nodeId === 'kb');
    const context = kbEnd?.type === 'node-end' ? String(kbEnd.outputs?.context) : '';
    expect(context).toContain('5 working days');
    expect(context).not.toContain('never paid');
  });

  it('tool-assistant answers without calling a tool the model did not ask for', async () => {
    const http = createScriptedHttp({});
    const events = await collectEvents(
      run(planOf('tool-assistant'), { inputs: { query: 'Weather in Hangzhou?' }, ports: ports({ http }) }),
    );
    expect(runEnd(events).status).toBe('succeeded');
    expect(http.requests).toEqual([]);
  });

  it('intent-router takes exactly one branch and joins in the answer', async () => {
    const events = await collectEvents(
      run(planOf('intent-router'), { inputs: { query: 'I want a refund for my order' }, ports: ports() }),
    );
    expect(runEnd(events).status).toBe('succeeded');
    const statuses = nodeStatuses(events);
    const taken = ['order_reply', 'refund_reply', 'other_reply'].filter((id) => statuses[id] === 'succeeded');
    expect(taken).toHaveLength(1);
    expect(statuses.answer).toBe('succeeded');
  });

  it('extract-contact returns typed fields through extractor, code and end', async () => {
    const events = await collectEvents(
      run(planOf('extract-contact'), {
        inputs: { text: 'name: Li Wei\nemail: Li.Wei@Example.COM\nrequest: a demo of the widget' },
        ports: ports(),
      }),
    );
    const end = runEnd(events);
    expect(end.status).toBe('succeeded');
    expect(end.outputs).toMatchObject({ email: 'li.wei@example.com', domain: 'example.com', complete: true });
    expect(typeof end.outputs.name).toBe('string');
  });

  it('order-lookup calls the order API with the secret and never leaks it', async () => {
    const http = createScriptedHttp({
      'GET https://api.example.com/orders/ORD-1042': jsonResponse({ status: 'shipped' }),
    });
    const events = await collectEvents(
      run(planOf('order-lookup'), { inputs: { orderId: 'ORD-1042' }, ports: ports({ http }) }),
    );
    const end = runEnd(events);
    expect(end.status).toBe('succeeded');
    expect(end.outputs).toMatchObject({ status: 'shipped', httpStatus: 200 });
    expect(http.requests[0]?.headers.Authorization).toBe('Bearer sk-test-orders');
    expect(JSON.stringify(events)).not.toContain('sk-test-orders');

    const invalid = await collectEvents(
      run(planOf('order-lookup'), { inputs: { orderId: '1042' }, ports: ports({ http }) }),
    );
    expect(runEnd(invalid).outputs.error).toContain('is not an order number');
    expect(nodeStatuses(invalid).lookup).toBe('skipped');
  });
});
