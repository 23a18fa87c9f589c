import { describe, expect, it } from 'vitest';
import {
  answer,
  chainEdges,
  chatChain,
  chatStart,
  type DiagnosticSite,
  end,
  errorSites,
  type NodeInput,
  planOf,
  sortSites,
  workflow,
} from '../test/documents.ts';
import { catalog, compile, type NodeKind, nodeKinds, type WorkflowDocumentInput } from './index.ts';

/** What would be an error anywhere it is read as a template. */
const ghost = '{{ghost.text}}';

/**
 * For each kind, a config with the ghost in every string field a person may write freely, and the
 * pointers of those that are templates (so the only places compile() may report it).
 */
const everyString: Record<NodeKind, { config: Record<string, unknown>; templates: readonly string[] }> = {
  start: {
    config: {
      inputs: [
        { name: 'query', description: ghost, default: ghost },
        { name: 'meta', type: 'object', default: { text: ghost, list: [ghost] } },
      ],
    },
    templates: [],
  },
  llm: { config: { system: ghost, prompt: ghost }, templates: ['/system', '/prompt'] },
  template: { config: { template: ghost }, templates: ['/template'] },
  retrieval: { config: { query: ghost }, templates: ['/query'] },
  http: {
    config: { url: ghost, headers: { Accept: ghost }, body: ghost },
    templates: ['/url', '/headers/Accept', '/body'],
  },
  agent: {
    config: {
      system: ghost,
      prompt: ghost,
      tools: [
        {
          name: 'lookup',
          description: ghost,
          parameters: { type: 'object', description: ghost, properties: { id: { description: ghost } } },
          url: ghost,
          headers: { Accept: ghost },
          body: ghost,
        },
      ],
    },
    templates: ['/system', '/prompt', '/tools/0/url', '/tools/0/headers/Accept', '/tools/0/body'],
  },
  condition: {
    config: { cases: [{ id: 'yes', rules: [{ left: ghost, operator: 'equals', right: ghost }] }] },
    templates: ['/cases/0/rules/0/left', '/cases/0/rules/0/right'],
  },
  classifier: {
    config: {
      input: ghost,
      instructions: ghost,
      classes: [
        { id: 'yes', name: ghost, description: ghost },
        { id: 'no', name: `Not ${ghost}` },
      ],
    },
    templates: ['/input', '/instructions'],
  },
  extractor: {
    config: { input: ghost, instructions: ghost, fields: [{ name: 'city', description: ghost }] },
    templates: ['/input', '/instructions'],
  },
  code: {
    config: { code: `function main() { return { result: "${ghost}" }; }`, inputs: { text: ghost } },
    templates: ['/inputs/text'],
  },
  answer: { config: { text: ghost }, templates: ['/text'] },
  end: { config: { outputs: [{ name: 'result', value: ghost }] }, templates: ['/outputs/0/value'] },
};

/** A document where a node of `kind` with `config` sits at index 1 (the start itself at 0). */
function documentWith(kind: NodeKind, config: Record<string, unknown>): WorkflowDocumentInput {
  const node: NodeInput = { id: 'node', type: kind, config };
  if (kind === 'start') return chatChain({ ...node, id: 'start' }, answer());
  if (kind === 'answer') return chatChain(chatStart(), { ...node, id: 'answer' });
  if (kind === 'end')
    return workflow([chatStart(), { ...node, id: 'end' }], chainEdges('start', 'end'), 'workflow');
  const ports = catalog[kind].outputPorts(catalog[kind].configSchema.parse(config) as never);
  return workflow(
    [chatStart(), node, answer()],
    [
      { source: 'start', target: 'node' },
      ...ports.map((port) => ({ id: port, source: 'node', target: 'answer', sourceHandle: port })),
    ],
  );
}

describe('template fields', () => {
  it.each(nodeKinds)('%s: only its template fields are read as templates', (kind) => {
    const { config, templates } = everyString[kind];
    const nodeId = kind === 'start' || kind === 'answer' || kind === 'end' ? kind : 'node';
    const index = kind === 'start' ? 0 : 1;
    const expected = templates.map(
      (path): DiagnosticSite => ({
        code: 'unknown_reference',
        nodeId,
        path: `/nodes/${index}/config${path}`,
      }),
    );
    expect(sortSites(errorSites(compile(documentWith(kind, config))))).toEqual(sortSites(expected));
  });

  it('names the template fields of every kind in its definition', () => {
    expect(Object.fromEntries(nodeKinds.map((kind) => [kind, catalog[kind].templateFields]))).toEqual({
      start: [],
      llm: ['/system', '/prompt'],
      template: ['/template'],
      retrieval: ['/query'],
      http: ['/url', '/headers/*', '/body'],
      agent: ['/system', '/prompt', '/tools/*/url', '/tools/*/headers/*', '/tools/*/body'],
      condition: ['/cases/*/rules/*/left', '/cases/*/rules/*/right'],
      classifier: ['/input', '/instructions'],
      extractor: ['/input', '/instructions'],
      code: ['/inputs/*'],
      answer: ['/text'],
      end: ['/outputs/*/value'],
    });
  });

  it('does not read a classifier class name as a reference', () => {
    const document = documentWith('classifier', {
      input: '{{start.query}}',
      classes: [
        { id: 'greeting', name: 'Says {{start.query}}', description: 'e.g. {{secrets.KEY}}' },
        { id: 'other', name: 'Other' },
      ],
    });
    const plan = planOf(compile(document));
    expect(plan.byId.get('node')?.references.map((entry) => entry.path)).toEqual(['/input']);
  });

  it('reads \\{{ in a template as a literal {{, not a reference', () => {
    const result = compile(
      chatChain(
        chatStart(),
        {
          id: 'llm',
          type: 'llm',
          config: { prompt: 'Reply with \\{{ghost.name}} filled in: {{start.query}}' },
        },
        answer('{{llm.text}} \\{{secrets.KEY}}'),
      ),
    );
    expect(result.diagnostics).toEqual([]);
    const plan = planOf(result);
    expect(plan.byId.get('llm')?.references.map(({ reference }) => reference.source)).toEqual([
      'start.query',
    ]);
    expect(plan.byId.get('answer')?.dependsOn).toEqual(['llm']);
  });
});

describe('schema defaults', () => {
  const fields = [
    ['llm', 'prompt'],
    ['agent', 'prompt'],
    ['classifier', 'input'],
    ['extractor', 'input'],
    ['retrieval', 'query'],
    ['answer', 'text'],
  ] as const;

  it.each(fields)(
    '%s leaves %s empty: a default must not refer to a node that may not exist',
    (kind, field) => {
      const required: Record<string, unknown> = {
        classifier: {
          classes: [
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
          ],
        },
        extractor: { fields: [{ name: 'city' }] },
      };
      const parsed = catalog[kind].configSchema.parse(required[kind] ?? {}) as Record<string, unknown>;
      expect(parsed[field]).toBe('');
    },
  );

  it.each(fields.filter(([kind]) => kind !== 'answer'))(
    'but a freshly dropped %s starts with {{start.query}} in %s',
    (kind, field) => {
      expect((catalog[kind].defaultConfig as Record<string, unknown>)[field]).toBe('{{start.query}}');
    },
  );

  it('lets nodes left at their schema defaults compile under a start with another id', () => {
    const document = workflow(
      [
        { id: 'begin', type: 'start', config: { inputs: [{ name: 'query' }] } },
        { id: 'kb', type: 'retrieval' },
        { id: 'llm', type: 'llm' },
        answer('{{llm.text}} {{kb.context}}'),
      ],
      chainEdges('begin', 'kb', 'llm', 'answer'),
    );
    const plan = planOf(compile(document));
    expect(plan.byId.get('llm')?.references).toEqual([]);
    expect(plan.byId.get('kb')?.references).toEqual([]);
  });
});

describe('tool arguments', () => {
  const tool = (name: string, template: Record<string, string>, properties?: Record<string, unknown>) => ({
    name,
    ...(properties === undefined ? {} : { parameters: { type: 'object', properties } }),
    url: 'https://api.example.com/',
    ...template,
  });
  const agent = (tools: readonly unknown[]) =>
    chatChain(chatStart(), { id: 'agent', type: 'agent', config: { tools } }, answer('{{agent.text}}'));
  const city = { city: { type: 'string' } };

  it('accepts the declared parameters in the URL, headers and body, with deeper paths', () => {
    const document = agent([
      tool(
        'weather',
        {
          url: 'https://api.example.com/weather/{{args.city}}',
          headers: { 'X-City': '{{ args.city }}' } as never,
          body: '{"city": "{{args.city.name}}"}',
        },
        city,
      ),
    ]);
    expect(compile(document).diagnostics).toEqual([]);
  });

  it('rejects an argument the tool does not declare, wherever it is used', () => {
    const document = agent([
      tool(
        'weather',
        { url: 'https://x.example/{{args.town}}', body: '{{args.city}} {{args.country}}' },
        city,
      ),
    ]);
    expect(errorSites(compile(document))).toEqual([
      { code: 'unknown_field', nodeId: 'agent', path: '/nodes/1/config/tools/0/url' },
      { code: 'unknown_field', nodeId: 'agent', path: '/nodes/1/config/tools/0/body' },
    ]);
  });

  it('checks each tool against its own parameters', () => {
    const document = agent([
      tool('weather', { url: 'https://x.example/{{args.city}}' }, city),
      tool('booking', { url: 'https://x.example/{{args.city}}' }, { id: { type: 'string' } }),
    ]);
    expect(errorSites(compile(document))).toEqual([
      { code: 'unknown_field', nodeId: 'agent', path: '/nodes/1/config/tools/1/url' },
    ]);
  });

  it('accepts any argument of a tool that declares none', () => {
    const document = agent([
      tool('search', { url: 'https://x.example/?q={{args.q}}' }),
      tool('open', { url: 'https://x.example/{{args.anything}}' }, {}),
    ]);
    expect(compile(document).diagnostics).toEqual([]);
  });

  it('rejects {{args}} without a field', () => {
    const document = agent([tool('weather', { url: 'https://x.example/{{args}}' }, city)]);
    expect(errorSites(compile(document))).toEqual([
      { code: 'unknown_field', nodeId: 'agent', path: '/nodes/1/config/tools/0/url' },
    ]);
  });

  it('is not a reference outside a tool request, even in a workflow end', () => {
    const document = workflow(
      [chatStart(), end([{ name: 'city', value: '{{args.city}}' }])],
      chainEdges('start', 'end'),
      'workflow',
    );
    expect(errorSites(compile(document))).toEqual([
      { code: 'unknown_reference', nodeId: 'end', path: '/nodes/1/config/outputs/0/value' },
    ]);
  });
});
