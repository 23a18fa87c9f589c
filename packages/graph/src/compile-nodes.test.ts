import { describe, expect, it } from 'vitest';
import {
  answer,
  chainEdges,
  chatChain,
  chatStart,
  end,
  errorSites,
  type NodeInput,
  planOf,
  workflow,
} from '../test/documents.ts';
import { catalog, compile, type NodeKind, nodeKinds, type WorkflowDocumentInput } from './index.ts';

/** A document holding one node of `kind` with `config`, and the index of that node. */
function holding(
  kind: NodeKind,
  config: Record<string, unknown>,
): { document: WorkflowDocumentInput; index: number } {
  const node: NodeInput = { id: kind, type: kind, config };
  if (kind === 'start') return { document: chatChain(node, answer('Hi')), index: 0 };
  if (kind === 'answer') return { document: chatChain(chatStart(), node), index: 1 };
  if (kind === 'end') {
    const start = { id: 'start', type: 'start', config: { inputs: [{ name: 'query' }] } };
    return { document: workflow([start, node], chainEdges('start', 'end'), 'workflow'), index: 1 };
  }
  const ports = catalog[kind].outputPorts(config as never);
  const document = workflow(
    [chatStart(), node, answer()],
    [
      { source: 'start', target: kind },
      ...ports.map((port) => ({ id: port, source: kind, target: 'answer', sourceHandle: port })),
    ],
  );
  return { document, index: 1 };
}

describe('strict configs', () => {
  it.each(nodeKinds)('%s rejects a key its schema does not know, and nothing else', (kind) => {
    // The answer's default refers to a node named llm; the others compile where `holding` puts them.
    const config = kind === 'answer' ? { text: 'Hi' } : { ...(catalog[kind].defaultConfig as object) };
    expect(compile(holding(kind, config).document).ok).toBe(true);
    const { document, index } = holding(kind, { ...config, promt: '{{start.query}}' });
    const result = compile(document);
    expect(errorSites(result)).toEqual([
      { code: 'invalid_config', nodeId: kind, path: `/nodes/${index}/config` },
    ]);
    expect(result.diagnostics[0]?.message).toContain('promt');
  });

  const start = (input: Record<string, unknown>): Record<string, unknown> => ({
    inputs: [{ name: 'query', ...input }],
  });
  const rule = { left: '{{start.query}}', operator: 'isEmpty' };
  it.each([
    ['start', start({ hint: 'x' }), '/inputs/0'],
    ['llm', { memory: { turns: 2, days: 1 } }, '/memory'],
    ['llm', { retry: { attempts: 2, backoff: 10 } }, '/retry'],
    ['condition', { cases: [{ id: 'a', rules: [rule], priority: 1 }] }, '/cases/0'],
    ['condition', { cases: [{ id: 'a', rules: [{ ...rule, negate: true }] }] }, '/cases/0/rules/0'],
    [
      'classifier',
      {
        classes: [
          { id: 'a', name: 'A' },
          { id: 'b', name: 'B', examples: [] },
        ],
      },
      '/classes/1',
    ],
    ['extractor', { fields: [{ name: 'city', format: 'text' }] }, '/fields/0'],
    ['code', { outputs: [{ name: 'result', type: 'string', nullable: true }] }, '/outputs/0'],
    ['agent', { tools: [{ name: 'lookup', url: 'https://x.example/', auth: 'none' }] }, '/tools/0'],
  ] as const)('%s rejects an unknown key at %j', (kind, config, path) => {
    const { document, index } = holding(kind, config);
    expect(errorSites(compile(document))).toEqual([
      { code: 'invalid_config', nodeId: kind, path: `/nodes/${index}/config${path}` },
    ]);
  });

  it('rejects an unknown key of an end output', () => {
    const document = workflow(
      [
        { id: 'start', type: 'start', config: { inputs: [{ name: 'query' }] } },
        end([{ name: 'result', value: '{{start.query}}', format: 'text' }]),
      ],
      chainEdges('start', 'end'),
      'workflow',
    );
    expect(errorSites(compile(document))).toEqual([
      { code: 'invalid_config', nodeId: 'end', path: '/nodes/1/config/outputs/0' },
    ]);
  });

  it('keeps the parameters of agent tools open: they are JSON Schema', () => {
    const parameters = {
      type: 'object',
      title: 'Weather query',
      properties: { city: { type: 'string', enum: ['Hangzhou', 'Berlin'], 'x-ui': { width: 2 } } },
      required: ['city'],
      additionalProperties: false,
    };
    const { document } = holding('agent', {
      tools: [{ name: 'weather', parameters, url: 'https://x.example/{{args.city}}' }],
    });
    const plan = planOf(compile(document));
    expect(plan.byId.get('agent')?.config).toMatchObject({ tools: [{ parameters }] });
  });

  it('ignores unknown keys of the document, its nodes and its edges', () => {
    const document = chatChain(chatStart(), answer());
    const loose = {
      ...document,
      version: 3,
      nodes: document.nodes.map((node) => ({ ...node, color: 'red' })),
      edges: document.edges.map((edge) => ({ ...edge, label: 'then' })),
    };
    const result = compile(loose);
    expect(result.diagnostics).toEqual([]);
    expect(planOf(result).document).not.toHaveProperty('version');
  });
});

describe('start inputs', () => {
  it('accept a null default for any type', () => {
    const inputs = ['string', 'number', 'boolean', 'object', 'array'].map((type) => ({
      name: `${type}_input`,
      type,
      default: null,
    }));
    const document = workflow(
      [
        { id: 'start', type: 'start', config: { inputs } },
        end(inputs.map((input) => ({ name: input.name, value: `{{start.${input.name}}}` }))),
      ],
      chainEdges('start', 'end'),
      'workflow',
    );
    const result = compile(document);
    expect(result.diagnostics).toEqual([]);
    expect(planOf(result).inputs.map((input) => input.default)).toEqual([null, null, null, null, null]);
  });

  it('still reject a default of another type', () => {
    const document = chatChain(
      { id: 'start', type: 'start', config: { inputs: [{ name: 'query', type: 'string', default: 0 }] } },
      answer(),
    );
    expect(errorSites(compile(document))).toEqual([
      { code: 'type_mismatch', nodeId: 'start', path: '/nodes/0/config/inputs/0/default' },
    ]);
  });
});

describe('compile() given keys that are not strings', () => {
  // Not JSON, but compile() takes anything: a symbol key is an input problem, not a compiler failure.
  it('answers a symbol key in a config with a diagnostic at its description', () => {
    const document = chatChain(chatStart(), answer());
    const withSymbol = {
      ...document,
      nodes: document.nodes.map((node, index) =>
        index === 1 ? { ...node, config: { ...node.config, [Symbol('junk')]: 1 } } : node,
      ),
    };
    const result = compile(withSymbol);
    expect(errorSites(result)).toEqual([
      { code: 'invalid_document', nodeId: 'answer', path: '/nodes/1/config/junk' },
    ]);
    expect(result.diagnostics[0]?.message).toBe('nodes.1.config.junk: Invalid key in record');
  });
});
