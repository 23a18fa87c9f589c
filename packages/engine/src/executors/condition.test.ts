import { describe, expect, it } from 'vitest';
import { nodeEnd, runPlan } from '../../test/support.ts';
import { planFrom } from '../testing/index.ts';

const start = {
  id: 'start',
  type: 'start',
  config: {
    inputs: [
      { name: 'text', type: 'string', default: '' },
      { name: 'n', type: 'number', default: 0 },
      { name: 'flag', type: 'boolean', default: false },
      { name: 'list', type: 'array', default: [] },
      { name: 'obj', type: 'object', default: {} },
    ],
  },
};

function conditionPlan(cases: readonly Record<string, unknown>[]) {
  const ports = [...cases.map((entry) => String(entry.id)), 'else'];
  return planFrom({
    mode: 'workflow',
    nodes: [
      start,
      { id: 'check', type: 'condition', config: { cases } },
      ...ports.map((port) => ({
        id: `end_${port}`,
        type: 'end',
        config: { outputs: [{ name: 'took', value: port }] },
      })),
    ],
    edges: [['start', 'check'], ...ports.map((port) => ['check', `end_${port}`, port] as const)],
  });
}

async function takes(
  rule: { left: string; operator: string; right?: string },
  inputs: Record<string, unknown>,
): Promise<string | undefined> {
  const events = await runPlan(conditionPlan([{ id: 'hit', rules: [rule] }]), { inputs });
  return nodeEnd(events, 'check').port;
}

describe('condition node', () => {
  it.each([
    [{ left: '{{start.text}}', operator: 'equals', right: 'yes' }, { text: 'yes' }, 'hit'],
    [{ left: '{{start.text}}', operator: 'equals', right: 'yes' }, { text: 'Yes' }, 'else'],
    [{ left: '{{start.n}}', operator: 'equals', right: '3.0' }, { n: 3 }, 'hit'],
    [{ left: '{{start.text}}', operator: 'notEquals', right: 'a' }, { text: 'b' }, 'hit'],
    [{ left: '{{start.text}}', operator: 'contains', right: 'ell' }, { text: 'hello' }, 'hit'],
    [{ left: '{{start.list}}', operator: 'contains', right: '2' }, { list: [1, 2, 3] }, 'hit'],
    [{ left: '{{start.list}}', operator: 'contains', right: 'x' }, { list: ['xy'] }, 'else'],
    [{ left: '{{start.obj}}', operator: 'contains', right: 'key' }, { obj: { key: 1 } }, 'hit'],
    [{ left: '{{start.list}}', operator: 'notContains', right: 'z' }, { list: ['a'] }, 'hit'],
    [{ left: '{{start.text}}', operator: 'startsWith', right: 'ORD-' }, { text: 'ORD-1042' }, 'hit'],
    [{ left: '{{start.text}}', operator: 'endsWith', right: '.pdf' }, { text: 'a.png' }, 'else'],
    [{ left: '{{start.text}}', operator: 'isEmpty' }, { text: '   ' }, 'hit'],
    [{ left: '{{start.list}}', operator: 'isEmpty' }, { list: [] }, 'hit'],
    [{ left: '{{start.obj}}', operator: 'isNotEmpty' }, { obj: { a: 1 } }, 'hit'],
    [{ left: '{{start.n}}', operator: 'gt', right: '9' }, { n: 10 }, 'hit'],
    [{ left: '{{start.n}}', operator: 'gte', right: '10' }, { n: 10 }, 'hit'],
    [{ left: '{{start.n}}', operator: 'lt', right: '{{start.n}}' }, { n: 10 }, 'else'],
    [{ left: '{{start.n}}', operator: 'lte', right: '-1' }, { n: -2 }, 'hit'],
    [{ left: '{{start.flag}}', operator: 'isTrue' }, { flag: true }, 'hit'],
    [{ left: '{{start.flag}}', operator: 'isFalse' }, { flag: true }, 'else'],
  ])('%o on %o takes %s', async (rule, inputs, port) => {
    expect(await takes(rule, inputs)).toBe(port);
  });

  it('takes the first matching case, with and/or logic, and reports what it evaluated', async () => {
    const plan = conditionPlan([
      {
        id: 'both',
        logic: 'and',
        rules: [
          { left: '{{start.n}}', operator: 'gt', right: '5' },
          { left: '{{start.text}}', operator: 'equals', right: 'x' },
        ],
      },
      {
        id: 'either',
        logic: 'or',
        rules: [
          { left: '{{start.text}}', operator: 'equals', right: 'nope' },
          { left: '{{start.n}}', operator: 'gt', right: '5' },
        ],
      },
      { id: 'also', rules: [{ left: '{{start.n}}', operator: 'gt', right: '0' }] },
    ]);
    const events = await runPlan(plan, { inputs: { n: 7, text: 'y' } });
    expect(nodeEnd(events, 'check')).toMatchObject({
      port: 'either',
      outputs: { case: 'either' },
      inputs: {
        rules: [
          { case: 'both', left: 7, operator: 'gt', right: '5', matched: true },
          { case: 'both', left: 'y', operator: 'equals', right: 'x', matched: false },
          { case: 'either', left: 'y', operator: 'equals', right: 'nope', matched: false },
          { case: 'either', left: 7, operator: 'gt', right: '5', matched: true },
        ],
      },
    });
    expect(nodeEnd(events, 'end_also').status).toBe('skipped');
    expect(nodeEnd(events, 'end_either').outputs).toEqual({ took: 'either' });
  });
});
