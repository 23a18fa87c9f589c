import { describe, expect, it } from 'vitest';
import { nodeEnd, runEnd, runPlan, startNode, testPorts } from '../../test/support.ts';
import { createScriptedModel, planFrom } from '../testing/index.ts';

const classes = [
  { id: 'billing', name: 'Billing', description: 'Invoices and payments' },
  { id: 'tech', name: 'Technical' },
];

const classifierPlan = planFrom({
  nodes: [
    startNode,
    {
      id: 'kind',
      type: 'classifier',
      config: { classes, input: '{{start.query}}', instructions: 'Route {{start.query}}' },
    },
    { id: 'billing_answer', type: 'answer', config: { text: 'billing' } },
    { id: 'tech_answer', type: 'answer', config: { text: 'tech' } },
  ],
  edges: [
    ['start', 'kind'],
    ['kind', 'billing_answer', 'billing'],
    ['kind', 'tech_answer', 'tech'],
  ],
});

const extractorPlan = planFrom({
  mode: 'workflow',
  nodes: [
    startNode,
    {
      id: 'extract',
      type: 'extractor',
      config: {
        input: '{{start.query}}',
        fields: [
          { name: 'name', type: 'string', description: 'Full name' },
          { name: 'age', type: 'number' },
          { name: 'member', type: 'boolean', required: false },
          { name: 'tags', type: 'array', required: false },
        ],
      },
    },
    {
      id: 'end',
      type: 'end',
      config: {
        outputs: [
          { name: 'name', value: '{{extract.name}}', type: 'string' },
          { name: 'age', value: '{{extract.age}}', type: 'number' },
          { name: 'member', value: '{{extract.member}}' },
        ],
      },
    },
  ],
  edges: [
    ['start', 'extract'],
    ['extract', 'end'],
  ],
});

describe('classifier node', () => {
  it('asks for structured output and takes the chosen class’s port', async () => {
    const model = createScriptedModel(['{"class": "tech"}']);
    const events = await runPlan(classifierPlan, {
      inputs: { query: 'my screen is black' },
      ports: testPorts({ model }),
    });
    expect(model.requests[0]).toMatchObject({
      messages: [{ role: 'user', content: 'my screen is black' }],
      output: {
        name: 'classification',
        schema: {
          type: 'object',
          properties: { class: { type: 'string', enum: ['billing', 'tech'] } },
          required: ['class'],
        },
      },
    });
    expect(model.requests[0]?.system).toContain('Route my screen is black');
    expect(model.requests[0]?.system).toContain('billing: Billing — Invoices and payments');
    expect(nodeEnd(events, 'kind')).toMatchObject({ outputs: { class: 'tech' }, port: 'tech' });
    expect(nodeEnd(events, 'billing_answer').status).toBe('skipped');
    expect(runEnd(events).outputs).toEqual({ answer: 'tech' });
  });

  it('accepts a class name, fenced JSON and chatter around it', async () => {
    const model = createScriptedModel(['Sure! ```json\n{"class": "Billing"}\n```']);
    const events = await runPlan(classifierPlan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    expect(nodeEnd(events, 'kind').port).toBe('billing');
  });

  it('repairs an invalid reply once, then fails with invalid_model_output', async () => {
    const repaired = createScriptedModel(['{"class": "sales"}', '{"class": "billing"}']);
    const fixed = await runPlan(classifierPlan, {
      inputs: { query: 'q' },
      ports: testPorts({ model: repaired }),
    });
    expect(nodeEnd(fixed, 'kind').port).toBe('billing');
    expect(repaired.requests[1]?.messages.slice(1)).toEqual([
      { role: 'assistant', content: '{"class": "sales"}' },
      { role: 'user', content: expect.stringContaining('"billing", "tech"') },
    ]);
    const hopeless = createScriptedModel(['no idea', 'still no idea']);
    const failed = await runPlan(classifierPlan, {
      inputs: { query: 'q' },
      ports: testPorts({ model: hopeless }),
    });
    expect(hopeless.requests).toHaveLength(2);
    expect(runEnd(failed).error).toMatchObject({ code: 'invalid_model_output', nodeId: 'kind' });
  });

  it('classifies with the echo model by the class the text mentions', async () => {
    const events = await runPlan(classifierPlan, { inputs: { query: 'a billing question' } });
    expect(nodeEnd(events, 'kind').port).toBe('billing');
    const fallback = await runPlan(classifierPlan, { inputs: { query: 'hello' } });
    expect(nodeEnd(fallback, 'kind').port).toBe('billing');
  });
});

describe('extractor node', () => {
  it('fills declared fields, optional ones null when absent', async () => {
    const model = createScriptedModel(['{"name": "Ada", "age": 36}']);
    const events = await runPlan(extractorPlan, {
      inputs: { query: 'I am Ada, 36' },
      ports: testPorts({ model }),
    });
    expect(model.requests[0]?.output?.schema).toMatchObject({
      properties: {
        name: { type: 'string', description: 'Full name' },
        age: { type: 'number' },
        tags: { type: 'array' },
      },
      required: ['name', 'age'],
    });
    expect(nodeEnd(events, 'extract').outputs).toEqual({ name: 'Ada', age: 36, member: null, tags: null });
    expect(runEnd(events).outputs).toEqual({ name: 'Ada', age: 36, member: null });
  });

  it('re-asks with the validation error once, then fails clearly', async () => {
    const model = createScriptedModel([
      '{"name": "Ada", "age": "old"}',
      '{"name": "Ada", "age": 36, "member": true}',
    ]);
    const events = await runPlan(extractorPlan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    expect(model.requests[1]?.messages.at(-1)?.role).toBe('user');
    expect(JSON.stringify(model.requests[1]?.messages.at(-1))).toContain('\\"age\\" must be a number');
    expect(runEnd(events).outputs).toEqual({ name: 'Ada', age: 36, member: true });
    const broken = createScriptedModel(['{"age": 1}']);
    const failed = await runPlan(extractorPlan, {
      inputs: { query: 'q' },
      ports: testPorts({ model: broken }),
    });
    expect(runEnd(failed).error).toMatchObject({
      code: 'invalid_model_output',
      message: expect.stringContaining('"name" is required'),
    });
  });

  it('extracts labelled values with the echo model', async () => {
    const events = await runPlan(extractorPlan, {
      inputs: { query: 'name: Grace Hopper, age: 85, member: yes' },
    });
    expect(runEnd(events).outputs).toEqual({ name: 'Grace Hopper', age: 85, member: true });
  });
});
