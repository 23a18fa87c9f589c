import { describe, expect, it } from 'vitest';
import { deltas, nodeEnd, ofType, runEnd, runPlan, startNode, testPorts } from '../test/support.ts';
import { createEchoModel, run } from './index.ts';
import { collectEvents, createScriptedModel, planFrom } from './testing/index.ts';

const echoChat = planFrom({
  nodes: [
    startNode,
    { id: 'llm', type: 'llm', config: { prompt: '{{start.query}}' } },
    { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
  ],
  edges: [
    ['start', 'llm'],
    ['llm', 'answer'],
  ],
});

describe('run', () => {
  it('emits run-start, node events, text deltas and run-end with the fields of the API', async () => {
    const events = await runPlan(echoChat, {
      inputs: { query: 'hello there world' },
      runId: 'run_test',
      appId: 'app_1',
      version: 3,
      conversationId: 'conv_1',
    });
    expect(events[0]).toEqual({
      type: 'run-start',
      runId: 'run_test',
      seq: 1,
      appId: 'app_1',
      version: 3,
      conversationId: 'conv_1',
      startedAt: expect.any(String),
    });
    expect(events.map((event) => event.type)).toEqual([
      'run-start',
      'node-start',
      'node-end',
      'node-start',
      'node-start',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-delta',
      'node-end',
      'node-end',
      'run-end',
    ]);
    expect(deltas(events, 'answer')).toBe('Echo: hello there world');
    expect(nodeEnd(events, 'llm')).toMatchObject({
      nodeType: 'llm',
      status: 'succeeded',
      outputs: { text: 'Echo: hello there world', usage: { inputTokens: 3, outputTokens: 4 } },
      usage: { inputTokens: 3, outputTokens: 4 },
      inputs: { model: 'local:echo', prompt: 'hello there world', system: '' },
      port: 'out',
      elapsedMs: expect.any(Number),
      startedAt: expect.any(String),
    });
    expect(runEnd(events)).toEqual({
      type: 'run-end',
      runId: 'run_test',
      seq: events.length,
      status: 'succeeded',
      outputs: { answer: 'Echo: hello there world' },
      usage: { inputTokens: 3, outputTokens: 4 },
      elapsedMs: expect.any(Number),
    });
  });

  it('makes up a run id and leaves appId and version null when not given', async () => {
    const events = await runPlan(echoChat, { inputs: { query: 'hi' } });
    expect(events[0]).toMatchObject({ type: 'run-start', appId: null, version: null });
    expect(events[0]?.runId).toMatch(/^run_[a-z0-9]+$/);
    expect(events[0]).not.toHaveProperty('conversationId');
  });

  it('starts only when the first event is pulled', async () => {
    const model = createScriptedModel(['hi']);
    const events = run(echoChat, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(model.requests).toHaveLength(0);
    await collectEvents(events);
    expect(model.requests).toHaveLength(1);
  });

  it('resolves sys.runId, sys.conversationId and sys.now', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        {
          id: 'text',
          type: 'template',
          config: { template: '{{sys.runId}}|{{sys.conversationId}}|{{sys.now}}' },
        },
        { id: 'answer', type: 'answer', config: { text: '{{text.text}}' } },
      ],
      edges: [
        ['start', 'text'],
        ['text', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, runId: 'run_x', conversationId: 'conv_y' });
    const [runId, conversationId, now] = String(nodeEnd(events, 'text').outputs?.text).split('|');
    expect(runId).toBe('run_x');
    expect(conversationId).toBe('conv_y');
    expect(new Date(now ?? '').toISOString()).toBe(now);
  });

  it('gives model nodes the last memory.turns pairs of the history before the prompt', async () => {
    const model = createScriptedModel(['ok']);
    const plan = planFrom({
      nodes: [
        startNode,
        {
          id: 'llm',
          type: 'llm',
          config: { prompt: 'Q: {{start.query}}', system: 'Be brief.', memory: { turns: 2 } },
        },
        { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
      ],
      edges: [
        ['start', 'llm'],
        ['llm', 'answer'],
      ],
    });
    const history = [
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'first' },
      { role: 'user', content: 'two' },
      { role: 'assistant', content: 'second' },
      { role: 'user', content: 'three' },
      { role: 'assistant', content: 'third' },
    ] as const;
    await runPlan(plan, { inputs: { query: 'four' }, history, ports: testPorts({ model }) });
    expect(model.requests[0]).toMatchObject({
      model: 'local:echo',
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'two' },
        { role: 'assistant', content: 'second' },
        { role: 'user', content: 'three' },
        { role: 'assistant', content: 'third' },
        { role: 'user', content: 'Q: four' },
      ],
    });
  });

  it('sends no history when memory is off', async () => {
    const model = createScriptedModel(['ok']);
    await runPlan(echoChat, {
      inputs: { query: 'q' },
      history: [{ role: 'user', content: 'earlier' }],
      ports: testPorts({ model }),
    });
    expect(model.requests[0]?.messages).toEqual([{ role: 'user', content: 'q' }]);
  });

  it('fails cleanly at the start node on inputs that do not fit, instead of crashing', async () => {
    for (const inputs of [{}, { query: 42 }, 'nonsense' as unknown as Record<string, unknown>]) {
      const events = await runPlan(echoChat, { inputs });
      expect(runEnd(events)).toMatchObject({
        status: 'failed',
        error: { code: 'invalid_inputs', nodeId: 'start' },
      });
      expect(ofType(events, 'node-start').map((event) => event.nodeId)).toEqual(['start']);
    }
  });

  it('concatenates the texts of several answers in plan order', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'first', type: 'answer', config: { text: 'A:{{start.query}} ' } },
        { id: 'second', type: 'answer', config: { text: 'B' } },
      ],
      edges: [
        ['start', 'first'],
        ['first', 'second'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'x' } });
    expect(runEnd(events).outputs).toEqual({ answer: 'A:x B' });
  });

  it('stops the run and the model call when the caller stops reading', async () => {
    let aborted = false;
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'llm', type: 'llm', config: { stream: true } },
        { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
      ],
      edges: [
        ['start', 'llm'],
        ['llm', 'answer'],
      ],
    });
    const model = {
      async *stream(
        _request: unknown,
        signal: { addEventListener(type: 'abort', listener: () => void): void },
      ) {
        signal.addEventListener('abort', () => {
          aborted = true;
        });
        yield { type: 'text-delta' as const, delta: 'first ' };
        await new Promise(() => undefined);
      },
    };
    for await (const event of run(plan, { inputs: { query: 'q' }, ports: testPorts({ model }) })) {
      if (event.type === 'text-delta') break;
    }
    expect(aborted).toBe(true);
  });
});

describe('workflow mode', () => {
  const workflow = (endConfig: Record<string, unknown>) =>
    planFrom({
      mode: 'workflow',
      nodes: [
        {
          id: 'start',
          type: 'start',
          config: {
            inputs: [
              { name: 'name', type: 'string', required: true },
              { name: 'count', type: 'number', default: 2 },
              { name: 'data', type: 'object' },
            ],
          },
        },
        { id: 'greet', type: 'template', config: { template: 'Hello {{start.name}} x{{start.count}}' } },
        { id: 'end', type: 'end', config: endConfig },
      ],
      edges: [
        ['start', 'greet'],
        ['greet', 'end'],
      ],
    });

  it('outputs the end node’s values, raw for a single reference and rendered otherwise', async () => {
    const plan = workflow({
      outputs: [
        { name: 'greeting', value: '{{greet.text}}', type: 'string' },
        { name: 'count', value: '{{start.count}}', type: 'number' },
        { name: 'label', value: 'n={{start.count}}' },
        { name: 'nested', value: '{{start.data.inner}}' },
      ],
    });
    const events = await runPlan(plan, { inputs: { name: 'Ada', data: { inner: [1, 2] } } });
    expect(runEnd(events)).toMatchObject({
      status: 'succeeded',
      outputs: { greeting: 'Hello Ada x2', count: 2, label: 'n=2', nested: [1, 2] },
    });
  });

  it('fails the end node when a value does not have its declared type', async () => {
    const plan = workflow({
      outputs: [
        { name: 'data', value: '{{start.data}}', type: 'object' },
        { name: 'x', value: '{{start.data.inner}}', type: 'object' },
      ],
    });
    const events = await runPlan(plan, { inputs: { name: 'Ada', data: { inner: 'text' } } });
    expect(runEnd(events)).toMatchObject({
      status: 'failed',
      error: { code: 'output_type_mismatch', nodeId: 'end' },
    });
  });

  it('treats a missing value as null rather than as a type mismatch', async () => {
    const plan = workflow({ outputs: [{ name: 'data', value: '{{start.data}}', type: 'object' }] });
    const events = await runPlan(plan, { inputs: { name: 'Ada' } });
    expect(runEnd(events)).toMatchObject({ status: 'succeeded', outputs: { data: null } });
  });

  it('uses the echo model by default without any key', async () => {
    const plan = workflow({ outputs: [{ name: 'greeting', value: '{{greet.text}}' }] });
    const events = await collectEvents(
      run(plan, { inputs: { name: 'Bo' }, ports: { clock: testPorts().clock, model: createEchoModel() } }),
    );
    expect(runEnd(events).outputs).toEqual({ greeting: 'Hello Bo x2' });
  });
});
