import { describe, expect, it } from 'vitest';
import {
  answer,
  chatStart,
  errorSites,
  type NodeInput,
  planOf,
  siteOf,
  workflow,
} from '../test/documents.ts';
import { compile } from './index.ts';

const start: NodeInput = {
  id: 'start',
  type: 'start',
  config: { inputs: [{ name: 'query' }, { name: 'n', type: 'number' }] },
};

/** start → check (one case `yes`, one rule) → answer from both ports. */
function ruleDocument(rule: Record<string, unknown>) {
  return workflow(
    [start, { id: 'check', type: 'condition', config: { cases: [{ id: 'yes', rules: [rule] }] } }, answer()],
    [
      { source: 'start', target: 'check' },
      { id: 'yes', source: 'check', target: 'answer', sourceHandle: 'yes' },
      { id: 'else', source: 'check', target: 'answer', sourceHandle: 'else' },
    ],
  );
}
const rulePath = '/nodes/1/config/cases/0/rules/0';

describe('the left side of a condition rule', () => {
  it.each([['{{start.query}}'], [' {{ start.query }}\n'], ['{{sys.now}}'], ['{{start.n}}']])(
    'may be one reference: %j',
    (left) => {
      expect(compile(ruleDocument({ left, operator: 'isNotEmpty' })).diagnostics).toEqual([]);
    },
  );

  it.each([
    ['text', 'query'],
    ['text around a reference', 'Q: {{start.query}}'],
    ['two references', '{{start.query}}{{start.n}}'],
    ['an escaped reference, which is text', '\\{{start.query}}'],
    ['an unterminated reference', '{{start.query'],
    ['blank space', ' '],
  ])('must not be %s', (_name, left) => {
    expect(errorSites(compile(ruleDocument({ left, operator: 'isNotEmpty' })))).toEqual([
      { code: 'invalid_config', nodeId: 'check', path: `${rulePath}/left` },
    ]);
  });

  it('reports an empty left side once, from the schema', () => {
    expect(errorSites(compile(ruleDocument({ left: '', operator: 'isNotEmpty' })))).toEqual([
      { code: 'invalid_config', nodeId: 'check', path: `${rulePath}/left` },
    ]);
  });

  it('reports one malformed reference as such, not as text', () => {
    expect(errorSites(compile(ruleDocument({ left: '{{ 1 + 1 }}', operator: 'isNotEmpty' })))).toEqual([
      { code: 'invalid_reference', nodeId: 'check', path: `${rulePath}/left` },
    ]);
  });
});

describe('the right side of a numeric rule', () => {
  const numeric = ['gt', 'gte', 'lt', 'lte'];

  it.each(
    numeric.flatMap((operator) => ['80', ' 80 ', '-1.5', '1e3', '0', '.5'].map((right) => [operator, right])),
  )('%s accepts the number %j', (operator, right) => {
    expect(compile(ruleDocument({ left: '{{start.n}}', operator, right })).diagnostics).toEqual([]);
  });

  it.each(
    numeric.flatMap((operator) => ['{{start.n}}', 'at least {{start.n}}'].map((right) => [operator, right])),
  )('%s accepts the template %j, whose value only the run knows', (operator, right) => {
    expect(errorSites(compile(ruleDocument({ left: '{{start.n}}', operator, right })))).toEqual([]);
  });

  it.each(
    numeric.flatMap((operator) =>
      ['', '  ', 'eighty', '80 km', 'NaN', 'Infinity'].map((right) => [operator, right]),
    ),
  )('%s rejects %j', (operator, right) => {
    const result = compile(ruleDocument({ left: '{{start.n}}', operator, right }));
    expect(errorSites(result)).toEqual([
      { code: 'type_mismatch', nodeId: 'check', path: `${rulePath}/right` },
    ]);
  });

  it('rejects a missing right side, which defaults to empty', () => {
    expect(errorSites(compile(ruleDocument({ left: '{{start.n}}', operator: 'gt' })))).toEqual([
      { code: 'type_mismatch', nodeId: 'check', path: `${rulePath}/right` },
    ]);
  });

  it.each(['equals', 'contains', 'startsWith', 'isEmpty'])('does not apply to %s', (operator) => {
    expect(errorSites(compile(ruleDocument({ left: '{{start.query}}', operator, right: 'eighty' })))).toEqual(
      [],
    );
  });
});

describe('unconnected ports', () => {
  const classifier = (onError = 'fail'): NodeInput => ({
    id: 'intent',
    type: 'classifier',
    config: {
      onError,
      classes: ['billing', 'refund', 'other'].map((id) => ({ id, name: id })),
    },
  });
  const from = (ports: readonly string[]) => [
    { source: 'start', target: 'intent' },
    ...ports.map((port) => ({ id: port, source: 'intent', target: 'answer', sourceHandle: port })),
  ];
  const warningsOf = (document: unknown) => {
    const result = compile(document);
    expect(errorSites(result)).toEqual([]);
    return planOf(result).warnings;
  };

  it('warns once per open port and names the port', () => {
    const warnings = warningsOf(workflow([chatStart(), classifier(), answer()], from(['other'])));
    expect(warnings.map(siteOf)).toEqual([
      { code: 'unconnected_port', nodeId: 'intent', path: '/nodes/1' },
      { code: 'unconnected_port', nodeId: 'intent', path: '/nodes/1' },
    ]);
    expect(warnings.map((warning) => warning.severity)).toEqual(['warning', 'warning']);
    expect(warnings[0]?.message).toContain('“billing”');
    expect(warnings[1]?.message).toContain('“refund”');
  });

  it('warns about the error port of a routed node once its classes are all connected', () => {
    const warnings = warningsOf(
      workflow([chatStart(), classifier('route'), answer()], from(['billing', 'refund', 'other'])),
    );
    expect(warnings.map(siteOf)).toEqual([{ code: 'unconnected_port', nodeId: 'intent', path: '/nodes/1' }]);
    expect(warnings[0]?.message).toContain('“error”');
  });

  it('is quiet when every port is connected', () => {
    expect(
      warningsOf(
        workflow([chatStart(), classifier('route'), answer()], from(['billing', 'refund', 'other', 'error'])),
      ),
    ).toEqual([]);
  });

  it('does not warn about the out port of a routed node that only routes errors', () => {
    const document = workflow(
      [chatStart(), { id: 'llm', type: 'llm', config: { onError: 'route' } }, answer('{{llm.error}}')],
      [
        { source: 'start', target: 'llm' },
        { source: 'llm', target: 'answer', sourceHandle: 'error' },
      ],
    );
    expect(warningsOf(document)).toEqual([]);
  });

  it('does not warn about the else port of a condition: leaving it open is an error of its own', () => {
    const document = workflow(
      [
        chatStart(),
        {
          id: 'check',
          type: 'condition',
          config: { cases: [{ id: 'yes', rules: [{ left: '{{start.query}}', operator: 'isEmpty' }] }] },
        },
        answer(),
      ],
      [
        { source: 'start', target: 'check' },
        { source: 'check', target: 'answer', sourceHandle: 'yes' },
      ],
    );
    const result = compile(document);
    expect(result.diagnostics.map(siteOf)).toEqual([
      { code: 'condition_missing_else', nodeId: 'check', path: '/nodes/1' },
    ]);
  });
});
