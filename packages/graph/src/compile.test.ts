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
import { catalog, compile, type NodeKind, type PlanNode, type WorkflowDocumentInput } from './index.ts';

/** The example of shared/design/GRAPH.md, verbatim. */
const graphExample = {
  schema: 'edgeflow/workflow@1',
  name: 'Support bot',
  mode: 'chat',
  nodes: [
    {
      id: 'start',
      type: 'start',
      position: { x: 0, y: 0 },
      config: { inputs: [{ name: 'query', type: 'string', required: true }] },
    },
    {
      id: 'kb',
      type: 'retrieval',
      position: { x: 240, y: 0 },
      config: { knowledgeBaseIds: ['kb_docs'], query: '{{start.query}}', topK: 4, mode: 'hybrid' },
    },
    {
      id: 'llm',
      type: 'llm',
      position: { x: 480, y: 0 },
      config: {
        model: 'alibaba:qwen-plus',
        system: 'Answer from the context.\n{{kb.context}}',
        prompt: '{{start.query}}',
        memory: { turns: 6 },
      },
    },
    { id: 'answer', type: 'answer', position: { x: 720, y: 0 }, config: { text: '{{llm.text}}' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'kb' },
    { id: 'e2', source: 'kb', target: 'llm' },
    { id: 'e3', source: 'llm', target: 'answer' },
  ],
};

describe('compile() of the GRAPH.md example', () => {
  const plan = planOf(compile(graphExample));

  it('orders the nodes start first and keeps the mode and inputs', () => {
    expect(plan.nodes.map((node) => node.id)).toEqual(['start', 'kb', 'llm', 'answer']);
    expect(plan.startId).toBe('start');
    expect(plan.mode).toBe('chat');
    expect(plan.inputs).toEqual([{ name: 'query', type: 'string', required: true }]);
    expect(plan.warnings).toEqual([]);
  });

  it('fills defaults and records what each node depends on', () => {
    const llm = plan.byId.get('llm');
    expect(llm?.type).toBe('llm');
    expect(llm?.config).toEqual({
      model: 'alibaba:qwen-plus',
      fallbackModels: [],
      retry: { attempts: 1, backoffMs: 500 },
      onError: 'fail',
      system: 'Answer from the context.\n{{kb.context}}',
      prompt: '{{start.query}}',
      memory: { turns: 6 },
      stream: false,
    });
    expect(llm?.dependsOn).toEqual(['kb', 'start']);
    expect(llm?.references.map(({ path, reference }) => [path, reference.source])).toEqual([
      ['/system', 'kb.context'],
      ['/prompt', 'start.query'],
    ]);
    expect(plan.byId.get('kb')?.config).toMatchObject({
      minScore: 0,
      retry: { attempts: 1, backoffMs: 500 },
    });
    expect(plan.byId.get('start')?.dependsOn).toEqual([]);
  });

  it('links nodes through ports', () => {
    expect(plan.byId.get('kb')?.incoming).toEqual([{ id: 'e1', source: 'start', target: 'kb', port: 'out' }]);
    expect(plan.byId.get('kb')?.outgoing).toEqual([{ id: 'e2', source: 'kb', target: 'llm', port: 'out' }]);
    expect(plan.byId.get('start')?.incoming).toEqual([]);
    expect(plan.byId.get('answer')?.outgoing).toEqual([]);
  });

  it('titles nodes by their kind label unless the document names them', () => {
    expect(plan.byId.get('kb')?.title).toBe('Knowledge retrieval');
    const titled = planOf(compile(chatChain(chatStart(), { ...answer(), title: 'Reply' })));
    expect(titled.byId.get('answer')?.title).toBe('Reply');
  });

  it('types outputs for references', () => {
    expect(plan.byId.get('kb')?.outputs).toEqual({ chunks: 'array', context: 'string' });
    expect(plan.byId.get('start')?.outputs).toEqual({ query: 'string' });
  });

  it('does not change the document it is given', () => {
    const copy = structuredClone(graphExample);
    compile(copy);
    expect(copy).toEqual(graphExample);
  });
});

/** One complete, valid use of each kind, and what its plan node must look like. */
const kindExamples: Record<NodeKind, { document: WorkflowDocumentInput; check: (node: PlanNode) => void }> = {
  start: {
    document: workflow(
      [
        {
          id: 'start',
          type: 'start',
          config: {
            inputs: [
              { name: 'text', type: 'string', required: true, description: 'What to summarise' },
              { name: 'limit', type: 'number', default: 3 },
              { name: 'formal', type: 'boolean', default: false },
              { name: 'meta', type: 'object', default: { lang: 'zh' } },
              { name: 'tags', type: 'array', default: ['a'] },
              { name: 'plain' },
            ],
          },
        },
        end([
          { name: 'text', value: '{{start.text}}', type: 'string' },
          { name: 'limit', value: '{{start.limit}}', type: 'number' },
          { name: 'formal', value: '{{start.formal}}', type: 'boolean' },
          { name: 'lang', value: '{{start.meta.lang}}' },
          { name: 'first', value: '{{start.tags[0]}}', type: 'string' },
          { name: 'plain', value: '{{start.plain}}' },
        ]),
      ],
      chainEdges('start', 'end'),
      'workflow',
    ),
    check: (node) => {
      expect(node.outputs).toEqual({
        text: 'string',
        limit: 'number',
        formal: 'boolean',
        meta: 'object',
        tags: 'array',
        plain: 'string',
      });
      expect(node.config).toMatchObject({
        inputs: expect.arrayContaining([{ name: 'plain', type: 'string', required: false }]),
      });
    },
  },
  llm: {
    document: chatChain(
      chatStart(),
      {
        id: 'llm',
        type: 'llm',
        config: {
          model: 'openai:gpt-4o-mini',
          fallbackModels: ['local:echo'],
          system: '你是客服助手。现在是 {{sys.now}}。',
          prompt: '{{start.query}}',
          temperature: 0.3,
          maxTokens: 512,
          memory: { turns: 4 },
          stream: true,
          retry: { attempts: 3, backoffMs: 200 },
          timeoutMs: 30_000,
        },
      },
      answer('{{llm.text}} ({{llm.usage.outputTokens}} tokens)'),
    ),
    check: (node) => expect(node.outputs).toEqual({ text: 'string', usage: 'object' }),
  },
  template: {
    document: chatChain(
      chatStart(),
      {
        id: 'prompt',
        type: 'template',
        config: { template: 'Question: {{ start.query }}\nConversation {{sys.conversationId}}' },
      },
      answer('{{prompt.text}}'),
    ),
    check: (node) => expect(node.dependsOn).toEqual(['start']),
  },
  retrieval: {
    document: chatChain(
      chatStart(),
      {
        id: 'kb',
        type: 'retrieval',
        config: {
          knowledgeBaseIds: ['kb_docs', 'kb_faq-2'],
          query: '{{start.query}}',
          topK: 8,
          minScore: 0.4,
          mode: 'vector',
        },
      },
      answer('{{kb.context}} — {{kb.chunks[0].title}}'),
    ),
    check: (node) => expect(node.config).toMatchObject({ topK: 8, mode: 'vector', onError: 'fail' }),
  },
  http: {
    document: workflow(
      [
        chatStart(),
        {
          id: 'api',
          type: 'http',
          config: {
            method: 'POST',
            url: 'https://api.example.com/search?key={{secrets.SEARCH_KEY}}',
            headers: { Authorization: 'Bearer {{secrets.TOKEN}}', 'Content-Type': 'application/json' },
            body: '{"q": "{{start.query}}", "secret": "{{secrets.SALT}}"}',
            timeoutMs: 5000,
            response: 'json',
            retry: { attempts: 2 },
            onError: 'continue',
          },
        },
        answer('{{api.status}} {{api.json.items[0].name}} {{api.error}}'),
      ],
      chainEdges('start', 'api', 'answer'),
    ),
    check: (node) => {
      expect(node.outputs).toMatchObject({ status: 'number', body: 'string', json: 'any', error: 'object' });
      expect(node.dependsOn).toEqual(['start']);
      expect(node.config).toMatchObject({ retry: { attempts: 2, backoffMs: 500 } });
    },
  },
  agent: {
    document: chatChain(
      chatStart(),
      {
        id: 'agent',
        type: 'agent',
        config: {
          model: 'alibaba:qwen-plus',
          system: 'Use the tools.',
          prompt: '{{start.query}}',
          maxSteps: 8,
          tools: [
            {
              name: 'weather',
              description: 'Weather for a city',
              parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
              url: 'https://api.example.com/weather/{{args.city}}',
              headers: { 'X-Key': '{{secrets.WEATHER_KEY}}' },
            },
            {
              name: 'book',
              method: 'POST',
              url: 'https://api.example.com/book',
              body: '{"who": "{{args.name}}", "key": "{{secrets.KEY}}"}',
            },
          ],
        },
      },
      answer('{{agent.text}} {{agent.toolCalls[0].name}}'),
    ),
    check: (node) => {
      expect(node.outputs).toEqual({ text: 'string', toolCalls: 'array', usage: 'object' });
      expect(node.dependsOn).toEqual(['start']);
    },
  },
  condition: {
    document: workflow(
      [
        workflowStartWith([
          { name: 'query', type: 'string' },
          { name: 'score', type: 'number' },
          { name: 'vip', type: 'boolean' },
        ]),
        {
          id: 'check',
          type: 'condition',
          config: {
            cases: [
              { id: 'high', rules: [{ left: '{{start.score}}', operator: 'gte', right: '80' }] },
              {
                id: 'vip',
                logic: 'or',
                rules: [
                  { left: '{{start.vip}}', operator: 'isTrue' },
                  { left: '{{start.query}}', operator: 'startsWith', right: 'VIP' },
                ],
              },
            ],
          },
        },
        end([{ name: 'branch', value: '{{check.case}}', type: 'string' }]),
      ],
      [
        { source: 'start', target: 'check' },
        { source: 'check', target: 'end', sourceHandle: 'high', id: 'high' },
        { source: 'check', target: 'end', sourceHandle: 'vip', id: 'vip' },
        { source: 'check', target: 'end', sourceHandle: 'else', id: 'else' },
      ],
      'workflow',
    ),
    check: (node) => {
      expect(node.outgoing.map((edge) => edge.port)).toEqual(['high', 'vip', 'else']);
      expect(node.config).toMatchObject({
        cases: [{ logic: 'and' }, { logic: 'or', rules: [{ right: '' }, {}] }],
      });
    },
  },
  classifier: {
    document: workflow(
      [
        chatStart(),
        {
          id: 'intent',
          type: 'classifier',
          config: {
            input: '{{start.query}}',
            instructions: 'Pick the intent.',
            classes: [
              { id: 'billing', name: 'Billing', description: 'Invoices and payments' },
              { id: 'other', name: 'Other' },
            ],
          },
        },
        answer('Billing: {{intent.class}}', 'billing'),
        answer('Other: {{intent.class}}', 'other'),
      ],
      [
        { source: 'start', target: 'intent' },
        { source: 'intent', target: 'billing', sourceHandle: 'billing' },
        { source: 'intent', target: 'other', sourceHandle: 'other' },
      ],
    ),
    check: (node) => {
      expect(node.outgoing.map((edge) => [edge.port, edge.target])).toEqual([
        ['billing', 'billing'],
        ['other', 'other'],
      ]);
      expect(node.outputs).toEqual({ class: 'string' });
    },
  },
  extractor: {
    document: workflow(
      [
        workflowStartWith([{ name: 'query', type: 'string' }]),
        {
          id: 'extract',
          type: 'extractor',
          config: {
            input: '{{start.query}}',
            fields: [
              { name: 'city', description: 'The city' },
              { name: 'nights', type: 'number', required: false },
              { name: 'extras', type: 'array' },
            ],
          },
        },
        end([
          { name: 'city', value: '{{extract.city}}', type: 'string' },
          { name: 'nights', value: '{{extract.nights}}', type: 'number' },
          { name: 'first', value: '{{extract.extras[0]}}', type: 'object' },
        ]),
      ],
      chainEdges('start', 'extract', 'end'),
      'workflow',
    ),
    check: (node) => expect(node.outputs).toEqual({ city: 'string', nights: 'number', extras: 'array' }),
  },
  code: {
    document: workflow(
      [
        workflowStartWith([{ name: 'query', type: 'string' }]),
        {
          id: 'count',
          type: 'code',
          config: {
            code: 'function main(inputs) {\n  return { words: inputs.text.split(" ").length, ok: true };\n}\n',
            inputs: { text: '{{start.query}}', when: 'at {{sys.now}}' },
            outputs: [
              { name: 'words', type: 'number' },
              { name: 'ok', type: 'boolean' },
            ],
            timeoutMs: 500,
            memoryLimitMb: 16,
          },
        },
        end([
          { name: 'words', value: '{{count.words}}', type: 'number' },
          { name: 'ok', value: '{{count.ok}}', type: 'boolean' },
        ]),
      ],
      chainEdges('start', 'count', 'end'),
      'workflow',
    ),
    check: (node) => {
      expect(node.outputs).toEqual({ words: 'number', ok: 'boolean' });
      expect(node.config).toMatchObject({ language: 'javascript', onError: 'fail' });
      expect(node.references.map((entry) => entry.path)).toEqual(['/inputs/text', '/inputs/when']);
    },
  },
  answer: {
    document: chatChain(chatStart(), answer('你好！你问的是：{{start.query}}（{{sys.runId}}）')),
    check: (node) => expect(node.outputs).toEqual({ text: 'string' }),
  },
  end: {
    document: workflow(
      [
        workflowStartWith([{ name: 'query', type: 'string' }]),
        end([
          { name: 'echo', value: 'You said {{start.query}}', type: 'string' },
          { name: 'raw', value: '{{start.query}}' },
        ]),
      ],
      chainEdges('start', 'end'),
      'workflow',
    ),
    check: (node) => expect(node.outputs).toEqual({ echo: 'string', raw: 'any' }),
  },
};

function workflowStartWith(inputs: readonly Record<string, unknown>[]): NodeInput {
  return { id: 'start', type: 'start', config: { inputs } };
}

describe('compile() of one example per kind', () => {
  it.each(Object.keys(catalog) as NodeKind[])('%s', (kind) => {
    const { document, check } = kindExamples[kind];
    const result = compile(document);
    expect(result.diagnostics).toEqual([]);
    const plan = planOf(result);
    const node = plan.nodes.find((entry) => entry.type === kind);
    expect(node).toBeDefined();
    if (node) check(node);
  });
});

describe('plan shape', () => {
  // start ─┬─ kb ──────────┬─ llm ─ check ─(short)─ brief ─┬─ answer
  //        └─ rewrite ─────┘            └──(else)── full ──┘
  const document = workflow(
    [
      answer('{{brief.text}}{{full.text}}'),
      chatStart(),
      { id: 'full', type: 'template', config: { template: 'Long: {{llm.text}}' } },
      { id: 'kb', type: 'retrieval', config: { query: '{{start.query}}' } },
      { id: 'rewrite', type: 'llm', config: { prompt: 'Rewrite: {{start.query}}' } },
      {
        id: 'llm',
        type: 'llm',
        config: { system: '{{kb.context}}', prompt: '{{rewrite.text}} {{start.query}}' },
      },
      {
        id: 'check',
        type: 'condition',
        config: { cases: [{ id: 'short', rules: [{ left: '{{llm.text}}', operator: 'isEmpty' }] }] },
      },
      { id: 'brief', type: 'template', config: { template: 'Short: {{llm.text}} {{kb.chunks}}' } },
    ],
    [
      { id: 'a', source: 'start', target: 'kb' },
      { id: 'b', source: 'start', target: 'rewrite' },
      { id: 'c', source: 'kb', target: 'llm' },
      { id: 'd', source: 'rewrite', target: 'llm' },
      { id: 'e', source: 'llm', target: 'check' },
      { id: 'f', source: 'check', target: 'brief', sourceHandle: 'short' },
      { id: 'g', source: 'check', target: 'full', sourceHandle: 'else' },
      { id: 'h', source: 'brief', target: 'answer' },
      { id: 'i', source: 'full', target: 'answer' },
    ],
  );
  const plan = planOf(compile(document));
  const position = new Map(plan.nodes.map((node) => [node.id, node.order]));

  it('orders every node after the nodes feeding it, start first, whatever the document order', () => {
    expect(plan.nodes[0]?.id).toBe('start');
    expect(plan.nodes.map((node) => node.order)).toEqual(plan.nodes.map((_, index) => index));
    expect(plan.nodes.map((node) => node.id)).toEqual([
      'start',
      'kb',
      'rewrite',
      'llm',
      'check',
      'brief',
      'full',
      'answer',
    ]);
    for (const edge of plan.nodes.flatMap((node) => node.outgoing)) {
      expect(position.get(edge.source)).toBeLessThan(position.get(edge.target) ?? -1);
    }
  });

  it('gives each node its incoming and outgoing edges with ports', () => {
    expect(plan.byId.get('check')?.outgoing).toEqual([
      { id: 'f', source: 'check', target: 'brief', port: 'short' },
      { id: 'g', source: 'check', target: 'full', port: 'else' },
    ]);
    expect(plan.byId.get('llm')?.incoming.map((edge) => edge.id)).toEqual(['c', 'd']);
    expect(plan.byId.get('answer')?.incoming.map((edge) => [edge.source, edge.port])).toEqual([
      ['brief', 'out'],
      ['full', 'out'],
    ]);
  });

  it('lists the nodes each node depends on, once each', () => {
    expect(plan.byId.get('llm')?.dependsOn).toEqual(['kb', 'rewrite', 'start']);
    expect(plan.byId.get('brief')?.dependsOn).toEqual(['llm', 'kb']);
    expect(plan.byId.get('answer')?.dependsOn).toEqual(['brief', 'full']);
  });

  it('keeps the parsed document with defaults filled', () => {
    expect(plan.document.mode).toBe('chat');
    expect(plan.document.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(plan.byId.get('kb')?.config).toEqual(
      catalog.retrieval.configSchema.parse({ query: '{{start.query}}' }),
    );
    expect([...plan.byId.keys()].sort()).toEqual(plan.nodes.map((node) => node.id).sort());
  });

  it('defaults the mode to chat', () => {
    const { mode: _mode, ...withoutMode } = chatChain(chatStart(), answer());
    expect(planOf(compile(withoutMode)).mode).toBe('chat');
  });
});

describe('error routing', () => {
  const routed = (onError: string) =>
    workflow(
      [
        chatStart(),
        { id: 'llm', type: 'llm', config: { onError } },
        answer('{{llm.text}}'),
        answer('Sorry: {{llm.error.message}}', 'sorry'),
      ],
      [
        { source: 'start', target: 'llm' },
        { source: 'llm', target: 'answer' },
        { id: 'also', source: 'llm', target: 'sorry' },
        { id: 'failed', source: 'llm', target: 'sorry', sourceHandle: 'error' },
      ],
    );

  it("'route' adds an error port and an error output", () => {
    const plan = planOf(compile(routed('route')));
    const llm = plan.byId.get('llm');
    expect(llm?.outputs).toEqual({ text: 'string', usage: 'object', error: 'object' });
    expect(llm?.outgoing.map((edge) => edge.port)).toEqual(['out', 'out', 'error']);
    expect(plan.byId.get('sorry')?.dependsOn).toEqual(['llm']);
  });

  it("'continue' adds an error output but no error port", () => {
    expect(errorSites(compile(routed('continue')))).toEqual([
      { code: 'unknown_port', nodeId: 'llm', path: '/edges/3/sourceHandle' },
    ]);
  });

  it("'fail' adds neither", () => {
    expect(errorSites(compile(routed('fail')))).toEqual([
      { code: 'unknown_port', nodeId: 'llm', path: '/edges/3/sourceHandle' },
      { code: 'unknown_field', nodeId: 'sorry', path: '/nodes/3/config/text' },
    ]);
  });

  const codeNode = (config: Record<string, unknown>): NodeInput => ({
    id: 'code',
    type: 'code',
    config: { inputs: { text: '{{start.query}}' }, ...config },
  });
  const classifierWith = (onError: string, classIds: readonly string[]) =>
    workflow(
      [
        chatStart(),
        {
          id: 'intent',
          type: 'classifier',
          config: { onError, classes: classIds.map((id) => ({ id, name: id.toUpperCase() })) },
        },
        answer('{{intent.class}}'),
      ],
      [
        { source: 'start', target: 'intent' },
        ...classIds.map((id) => ({ id, source: 'intent', target: 'answer', sourceHandle: id })),
      ],
    );

  // A declared output named `error` would collide with the `error` output onError adds: the declared
  // number would silently become an object, so `{{code.error}}` would mean two things.
  it('rejects a declared output named error on a node whose failures continue', () => {
    const result = compile(
      chatChain(
        chatStart(),
        codeNode({ onError: 'continue', outputs: [{ name: 'error', type: 'number' }] }),
        answer('{{code.error}}'),
      ),
    );
    expect(errorSites(result)).toEqual([{ code: 'duplicate_name', nodeId: 'code', path: '/nodes/1/config' }]);
    expect(result.diagnostics[0]?.message).toContain('error');
  });

  it('rejects an extractor field named error when failures are routed', () => {
    const document = workflow(
      [
        chatStart(),
        { id: 'extract', type: 'extractor', config: { onError: 'route', fields: [{ name: 'error' }] } },
        answer('{{extract.error}}'),
      ],
      [
        { source: 'start', target: 'extract' },
        { source: 'extract', target: 'answer' },
        { id: 'failed', source: 'extract', target: 'answer', sourceHandle: 'error' },
      ],
    );
    expect(errorSites(compile(document))).toEqual([
      { code: 'duplicate_name', nodeId: 'extract', path: '/nodes/1/config' },
    ]);
  });

  // A class named `error` and the error port of onError "route" would be one port: an edge from it
  // would be taken both when the model picks that class and when the node fails.
  it('rejects a classifier class named error when failures are routed', () => {
    expect(errorSites(compile(classifierWith('route', ['error', 'other'])))).toEqual([
      { code: 'duplicate_name', nodeId: 'intent', path: '/nodes/1/config' },
    ]);
  });

  it('accepts error as a name where it is free', () => {
    // continue adds an error output, not a port: a class may be called error.
    expect(errorSites(compile(classifierWith('continue', ['error', 'other'])))).toEqual([]);
    // fail adds neither: an output may be called error.
    const plan = planOf(
      compile(
        chatChain(
          chatStart(),
          codeNode({ onError: 'fail', outputs: [{ name: 'error', type: 'number' }] }),
          answer('{{code.error}}'),
        ),
      ),
    );
    expect(plan.byId.get('code')?.outputs).toEqual({ error: 'number' });
  });

  it('routes the errors of classifiers next to their classes', () => {
    const plan = planOf(
      compile(
        workflow(
          [
            chatStart(),
            {
              id: 'intent',
              type: 'classifier',
              config: {
                onError: 'route',
                classes: [
                  { id: 'yes', name: 'Yes' },
                  { id: 'no', name: 'No' },
                ],
              },
            },
            answer('{{intent.class}}'),
          ],
          [
            { source: 'start', target: 'intent' },
            { id: 'yes', source: 'intent', target: 'answer', sourceHandle: 'yes' },
            { id: 'no', source: 'intent', target: 'answer', sourceHandle: 'no' },
            { id: 'error', source: 'intent', target: 'answer', sourceHandle: 'error' },
          ],
        ),
      ),
    );
    expect(plan.byId.get('intent')?.outgoing.map((edge) => edge.port)).toEqual(['yes', 'no', 'error']);
  });
});

describe('type checks', () => {
  const conditionOn = (left: string, operator: string) =>
    workflow(
      [
        {
          id: 'start',
          type: 'start',
          config: {
            inputs: [{ name: 'query' }, { name: 'n', type: 'number' }, { name: 'on', type: 'boolean' }],
          },
        },
        { id: 'llm', type: 'llm' },
        {
          id: 'check',
          type: 'condition',
          config: { cases: [{ id: 'yes', rules: [{ left, operator, right: '1' }] }] },
        },
        answer(),
      ],
      [
        ...chainEdges('start', 'llm', 'check'),
        { id: 'yes', source: 'check', target: 'answer', sourceHandle: 'yes' },
        { id: 'else', source: 'check', target: 'answer', sourceHandle: 'else' },
      ],
    );
  const mismatch = [{ code: 'type_mismatch', nodeId: 'check', path: '/nodes/2/config/cases/0/rules/0/left' }];

  it.each([
    ['{{start.n}}', 'gt', []],
    ['{{ start.n }}', 'lte', []],
    ['{{start.query}}', 'gt', mismatch],
    ['{{start.on}}', 'gt', mismatch],
    ['{{start.on}}', 'isTrue', []],
    ['{{start.n}}', 'isFalse', mismatch],
    ['{{start.query}}', 'startsWith', []],
    ['{{start.n}}', 'endsWith', mismatch],
    ['{{llm.usage}}', 'equals', []],
    ['{{llm.usage}}', 'gt', mismatch],
    ['{{llm.usage.total}}', 'gt', []],
    ['{{sys.now}}', 'gte', mismatch],
    // Text is not one reference (invalid_config), and as text it is a string, not a number.
    [
      'n is {{start.n}}',
      'gt',
      [
        { code: 'invalid_config', nodeId: 'check', path: '/nodes/2/config/cases/0/rules/0/left' },
        ...mismatch,
      ],
    ],
    ['{{start.n}} ', 'gt', []],
  ] as const)('condition %s %s', (left, operator, errors) => {
    expect(errorSites(compile(conditionOn(left, operator)))).toEqual(errors);
  });

  const endOutput = (value: string, type: string) =>
    workflow(
      [
        {
          id: 'start',
          type: 'start',
          config: { inputs: [{ name: 'query' }, { name: 'n', type: 'number' }] },
        },
        { id: 'api', type: 'http', config: { url: 'https://api.example.com/' } },
        end([{ name: 'out', value, type }]),
      ],
      chainEdges('start', 'api', 'end'),
      'workflow',
    );
  const endMismatch = [{ code: 'type_mismatch', nodeId: 'end', path: '/nodes/2/config/outputs/0/value' }];

  it.each([
    ['{{start.n}}', 'number', []],
    ['{{start.query}}', 'number', endMismatch],
    ['{{api.status}}', 'string', endMismatch],
    ['{{api.json}}', 'number', []],
    ['{{api.json.items}}', 'array', []],
    ['{{api.headers}}', 'object', []],
    ['total: {{start.n}}', 'string', []],
    ['42', 'number', endMismatch],
  ] as const)('end output %s declared %s', (value, type, errors) => {
    expect(errorSites(compile(endOutput(value, type)))).toEqual(errors);
  });
});

describe('large documents', () => {
  it('compiles a 500-node chain', () => {
    const middle = Array.from({ length: 498 }, (_, index) => ({
      id: `step_${index}`,
      type: 'template',
      config: { template: index === 0 ? '{{start.query}}' : `{{step_${index - 1}.text}} {{start.query}}` },
    }));
    const nodes = [chatStart(), ...middle, answer('{{step_497.text}}')];
    const plan = planOf(compile(chatChain(...nodes)));
    expect(plan.nodes).toHaveLength(500);
    expect(plan.nodes.map((node) => node.id)).toEqual(nodes.map((node) => node.id));
    expect(plan.byId.get('step_300')?.dependsOn).toEqual(['step_299', 'start']);
  });

  it('compiles 500 nodes fanning out from the start and into the answer', () => {
    const middle = Array.from({ length: 498 }, (_, index) => ({
      id: `branch_${index}`,
      type: 'template',
      config: { template: `{{start.query}} ${index}` },
    }));
    const document = workflow(
      [chatStart(), ...middle, answer(middle.map((node) => `{{${node.id}.text}}`).join(''))],
      middle.flatMap((node) => [
        { source: 'start', target: node.id },
        { source: node.id, target: 'answer' },
      ]),
    );
    const plan = planOf(compile(document));
    expect(plan.byId.get('answer')?.dependsOn).toHaveLength(498);
    expect(plan.nodes.at(-1)?.id).toBe('answer');
  });
});

describe('template fields', () => {
  // The JavaScript of a code node is not a template: a program containing `{{` compiles, and the
  // engine never splices run data into source code.
  it('does not treat the JavaScript of a code node as a template', () => {
    const code =
      'function main(inputs) {\n  return { result: "Hi {{name}}".replace("{{name}}", inputs.text) };\n}\n';
    const result = compile(
      chatChain(
        chatStart(),
        { id: 'code', type: 'code', config: { code, inputs: { text: '{{start.query}}' } } },
        answer('{{code.result}}'),
      ),
    );
    expect(result.diagnostics).toEqual([]);
    const node = planOf(result).byId.get('code');
    expect(node?.references.map(({ path, reference }) => [path, reference.source])).toEqual([
      ['/inputs/text', 'start.query'],
    ]);
    expect(node?.config).toMatchObject({ code });
  });

  // A start input's default is a JSON value, not a template.
  it('does not treat a start input default as a template', () => {
    const result = compile(
      chatChain(
        {
          id: 'start',
          type: 'start',
          config: {
            inputs: [
              { name: 'query', type: 'string', default: 'Write {{name}} to mention someone' },
              { name: 'meta', type: 'object', default: { hint: '{{secrets.KEY}}' } },
            ],
          },
        },
        answer('{{start.query}}'),
      ),
    );
    expect(result.diagnostics).toEqual([]);
    expect(planOf(result).byId.get('start')?.references).toEqual([]);
  });
});
