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
  siteOf,
  sortSites,
  workflow,
} from '../test/documents.ts';
import { compile, type DiagnosticCode, diagnosticCodes, pointer, pointerSegment } from './index.ts';

interface Case {
  readonly name: string;
  readonly document: unknown;
  /** Every error compile() reports, in any order. */
  readonly errors: readonly DiagnosticSite[];
  /** When given, every warning it reports. */
  readonly warnings?: readonly DiagnosticSite[];
}

const template = (id: string, text = 'static'): NodeInput => ({
  id,
  type: 'template',
  config: { template: text },
});
const llm = (id: string, config: Record<string, unknown> = {}): NodeInput => ({ id, type: 'llm', config });
const condition = (id: string, left: string, operator: string, cases = ['yes'], right = ''): NodeInput => ({
  id,
  type: 'condition',
  config: { cases: cases.map((caseId) => ({ id: caseId, rules: [{ left, operator, right }] })) },
});
const classifier = (id: string, classes: readonly string[]): NodeInput => ({
  id,
  type: 'classifier',
  config: { classes: classes.map((classId) => ({ id: classId, name: classId })) },
});
const http = (id: string, config: Record<string, unknown>): NodeInput => ({ id, type: 'http', config });
const workflowStart = (inputs: readonly Record<string, unknown>[]): NodeInput => ({
  id: 'start',
  type: 'start',
  config: { inputs },
});

/** A chat app start → node → answer where the node's config is under test at /nodes/1/config. */
const between = (node: NodeInput): unknown => chatChain(chatStart(), node, answer());

/** Like `between`, for a node that branches: each of `ports` leads to the answer. */
const branching = (node: NodeInput, ports: readonly string[]): unknown =>
  workflow(
    [chatStart(), node, answer()],
    [
      { source: 'start', target: node.id },
      ...ports.map((port) => ({ id: port, source: node.id, target: 'answer', sourceHandle: port })),
    ],
  );

const valid = chatChain(chatStart(), llm('llm'), answer('{{llm.text}}'));

/** At least one focused example per code; `satisfies` makes a new code without one a type error. */
const cases = {
  invalid_document: [
    { name: 'a string', document: 'workflow', errors: [{ code: 'invalid_document', path: '' }] },
    { name: 'null', document: null, errors: [{ code: 'invalid_document', path: '' }] },
    {
      name: 'another schema version',
      document: { ...valid, schema: 'edgeflow/workflow@2' },
      errors: [{ code: 'invalid_document', path: '/schema' }],
    },
    {
      name: 'an unknown mode',
      document: { ...valid, mode: 'batch' },
      errors: [{ code: 'invalid_document', path: '/mode' }],
    },
    {
      name: 'a node id that cannot be referenced, naming the node',
      document: workflow([chatStart(), template('has space'), answer()], []),
      errors: [{ code: 'invalid_document', nodeId: 'has space', path: '/nodes/1/id' }],
    },
    {
      name: 'a position that is not finite',
      document: {
        ...valid,
        nodes: valid.nodes.map((node, index) =>
          index === 2 ? { ...node, position: { x: 'left', y: 0 } } : node,
        ),
      },
      errors: [{ code: 'invalid_document', nodeId: 'answer', path: '/nodes/2/position/x' }],
    },
    {
      name: 'an edge without a target',
      document: { ...valid, edges: [{ id: 'e1', source: 'start' }] },
      errors: [{ code: 'invalid_document', path: '/edges/0/target' }],
    },
  ],
  unknown_kind: [
    {
      name: 'a kind the catalog does not have',
      document: chatChain(chatStart(), { id: 'loop', type: 'loop' }, answer()),
      errors: [{ code: 'unknown_kind', nodeId: 'loop', path: '/nodes/1/type' }],
    },
    {
      name: 'an inherited property name as kind',
      document: chatChain(chatStart(), { id: 'proto', type: 'constructor' }, answer()),
      errors: [{ code: 'unknown_kind', nodeId: 'proto', path: '/nodes/1/type' }],
    },
  ],
  invalid_config: [
    {
      name: 'a temperature out of range',
      document: between(llm('llm', { temperature: 5 })),
      errors: [{ code: 'invalid_config', nodeId: 'llm', path: '/nodes/1/config/temperature' }],
    },
    {
      name: 'a missing required field',
      document: between(http('api', {})),
      errors: [{ code: 'invalid_config', nodeId: 'api', path: '/nodes/1/config/url' }],
    },
    {
      name: 'a nested field',
      document: between(condition('check', '{{start.query}}', 'between')),
      errors: [{ code: 'invalid_config', nodeId: 'check', path: '/nodes/1/config/cases/0/rules/0/operator' }],
    },
    {
      name: 'a classifier with one class',
      document: between(classifier('route', ['only'])),
      errors: [{ code: 'invalid_config', nodeId: 'route', path: '/nodes/1/config/classes' }],
    },
    {
      name: 'a typo in a key',
      document: between(llm('llm', { promt: '{{start.query}}' })),
      errors: [{ code: 'invalid_config', nodeId: 'llm', path: '/nodes/1/config' }],
    },
    {
      name: 'an unknown key in a nested object',
      document: between(llm('llm', { retry: { attempts: 2, tries: 3 } })),
      errors: [{ code: 'invalid_config', nodeId: 'llm', path: '/nodes/1/config/retry' }],
    },
    {
      name: 'a rule whose left side is not one reference',
      document: branching(condition('check', 'the {{start.query}}', 'isNotEmpty'), ['yes', 'else']),
      errors: [{ code: 'invalid_config', nodeId: 'check', path: '/nodes/1/config/cases/0/rules/0/left' }],
    },
  ],
  duplicate_node_id: [
    {
      name: 'two nodes with one id',
      document: workflow(
        [chatStart(), llm('llm'), llm('llm'), answer('{{llm.text}}')],
        chainEdges('start', 'llm', 'answer'),
      ),
      errors: [{ code: 'duplicate_node_id', nodeId: 'llm', path: '/nodes/2/id' }],
    },
  ],
  reserved_node_id: [
    {
      name: 'a node named sys',
      document: chatChain(chatStart(), template('sys'), answer()),
      errors: [{ code: 'reserved_node_id', nodeId: 'sys', path: '/nodes/1/id' }],
    },
    {
      name: 'a node named secrets',
      document: chatChain(chatStart(), template('secrets'), answer()),
      errors: [{ code: 'reserved_node_id', nodeId: 'secrets', path: '/nodes/1/id' }],
    },
  ],
  duplicate_edge_id: [
    {
      name: 'two edges with one id',
      document: workflow(
        [chatStart(), llm('llm'), answer('{{llm.text}}')],
        [
          { id: 'e', source: 'start', target: 'llm' },
          { id: 'e', source: 'llm', target: 'answer' },
        ],
      ),
      errors: [{ code: 'duplicate_edge_id', path: '/edges/1/id' }],
    },
  ],
  dangling_edge: [
    {
      name: 'a missing target',
      document: workflow(
        [chatStart(), llm('llm'), answer('{{llm.text}}')],
        [...chainEdges('start', 'llm', 'answer'), { source: 'llm', target: 'ghost' }],
      ),
      errors: [{ code: 'dangling_edge', nodeId: 'llm', path: '/edges/2/target' }],
    },
    {
      name: 'a missing source',
      document: workflow(
        [chatStart(), llm('llm'), answer('{{llm.text}}')],
        [{ source: 'ghost', target: 'llm' }, ...chainEdges('start', 'llm', 'answer')],
      ),
      errors: [{ code: 'dangling_edge', nodeId: 'llm', path: '/edges/0/source' }],
    },
    {
      name: 'both ends missing',
      document: workflow(
        [chatStart(), answer()],
        [...chainEdges('start', 'answer'), { source: 'a', target: 'b' }],
      ),
      errors: [{ code: 'dangling_edge', path: '/edges/1/source' }],
    },
  ],
  unknown_port: [
    {
      name: 'a condition edge without a case port',
      document: workflow(
        [chatStart(), condition('check', '{{start.query}}', 'isNotEmpty'), answer()],
        [
          { source: 'start', target: 'check' },
          { id: 'plain', source: 'check', target: 'answer' },
          { id: 'else', source: 'check', target: 'answer', sourceHandle: 'else' },
        ],
      ),
      // No sourceHandle: the edge itself is what is wrong.
      errors: [{ code: 'unknown_port', nodeId: 'check', path: '/edges/1' }],
    },
    {
      name: 'a classifier edge whose sourceHandle is null',
      document: workflow(
        [chatStart(), classifier('route', ['billing', 'other']), answer()],
        [
          { source: 'start', target: 'route' },
          { id: 'plain', source: 'route', target: 'answer', sourceHandle: null },
          { id: 'billing', source: 'route', target: 'answer', sourceHandle: 'billing' },
          { id: 'other', source: 'route', target: 'answer', sourceHandle: 'other' },
        ],
      ),
      errors: [{ code: 'unknown_port', nodeId: 'route', path: '/edges/1' }],
    },
    {
      name: 'a classifier port that is not a class',
      document: workflow(
        [chatStart(), classifier('route', ['billing', 'other']), answer()],
        [
          { source: 'start', target: 'route' },
          { id: 'billing', source: 'route', target: 'answer', sourceHandle: 'billing' },
          { id: 'typo', source: 'route', target: 'answer', sourceHandle: 'biling' },
        ],
      ),
      errors: [{ code: 'unknown_port', nodeId: 'route', path: '/edges/2/sourceHandle' }],
    },
    {
      name: 'the error port of a node that does not route errors',
      document: workflow(
        [chatStart(), llm('llm'), answer('{{llm.text}}')],
        [
          ...chainEdges('start', 'llm', 'answer'),
          { id: 'failed', source: 'llm', target: 'answer', sourceHandle: 'error' },
        ],
      ),
      errors: [{ code: 'unknown_port', nodeId: 'llm', path: '/edges/2/sourceHandle' }],
    },
  ],
  duplicate_edge: [
    {
      name: 'the same link twice',
      document: workflow(
        [chatStart(), answer()],
        [
          { id: 'e1', source: 'start', target: 'answer' },
          { id: 'e2', source: 'start', target: 'answer', sourceHandle: 'out' },
        ],
      ),
      errors: [{ code: 'duplicate_edge', nodeId: 'start', path: '/edges/1' }],
    },
  ],
  self_loop: [
    {
      name: 'a node feeding itself',
      document: workflow(
        [chatStart(), llm('llm'), answer('{{llm.text}}')],
        [...chainEdges('start', 'llm', 'answer'), { id: 'again', source: 'llm', target: 'llm' }],
      ),
      errors: [{ code: 'self_loop', nodeId: 'llm', path: '/edges/2' }],
    },
  ],
  cycle: [
    {
      name: 'two nodes feeding each other, pointing at the closing edge',
      document: workflow(
        [chatStart(), template('a'), template('b'), answer()],
        [
          { source: 'start', target: 'a' },
          { source: 'a', target: 'b' },
          { source: 'b', target: 'a' },
          { source: 'b', target: 'answer' },
        ],
      ),
      errors: [{ code: 'cycle', nodeId: 'a', path: '/edges/2' }],
    },
    {
      name: 'two separate cycles',
      document: workflow(
        [chatStart(), template('a'), template('b'), template('c'), template('d'), answer()],
        [
          ...chainEdges('start', 'a', 'b', 'c', 'd', 'answer'),
          { source: 'b', target: 'a' },
          { source: 'd', target: 'c' },
        ],
      ),
      errors: [
        { code: 'cycle', nodeId: 'a', path: '/edges/5' },
        { code: 'cycle', nodeId: 'c', path: '/edges/6' },
      ],
    },
  ],
  missing_start: [
    {
      name: 'no start node',
      document: workflow([answer('Hello')], []),
      errors: [{ code: 'missing_start', path: '/nodes' }],
    },
  ],
  multiple_starts: [
    {
      name: 'a second start, which nothing reaches',
      document: workflow(
        [chatStart(), chatStart('again'), answer()],
        [
          { source: 'start', target: 'answer' },
          { source: 'again', target: 'answer' },
        ],
      ),
      errors: [
        { code: 'multiple_starts', nodeId: 'again', path: '/nodes/1' },
        { code: 'unreachable_node', nodeId: 'again', path: '/nodes/1' },
      ],
    },
  ],
  start_has_input: [
    {
      name: 'an edge into the start',
      document: workflow(
        [chatStart(), answer()],
        [
          { source: 'start', target: 'answer' },
          { source: 'answer', target: 'start' },
        ],
      ),
      errors: [{ code: 'start_has_input', nodeId: 'start', path: '/edges/1/target' }],
    },
  ],
  unreachable_node: [
    {
      name: 'a node without incoming edges',
      document: workflow(
        [chatStart(), template('orphan'), answer()],
        [{ source: 'start', target: 'answer' }],
      ),
      errors: [{ code: 'unreachable_node', nodeId: 'orphan', path: '/nodes/1' }],
    },
    {
      name: 'an island of two nodes',
      document: workflow(
        [chatStart(), template('a'), template('b', '{{a.text}}'), answer()],
        [
          { source: 'start', target: 'answer' },
          { source: 'a', target: 'b' },
        ],
      ),
      errors: [
        { code: 'unreachable_node', nodeId: 'a', path: '/nodes/1' },
        { code: 'unreachable_node', nodeId: 'b', path: '/nodes/2' },
      ],
    },
  ],
  unknown_reference: [
    {
      name: 'a node that does not exist',
      document: chatChain(
        chatStart(),
        template('intro', 'Hi'),
        llm('llm', { prompt: '{{ghost.text}}' }),
        answer(),
      ),
      errors: [{ code: 'unknown_reference', nodeId: 'llm', path: '/nodes/2/config/prompt' }],
    },
    {
      name: '{{constructor}}',
      document: chatChain(chatStart(), answer('{{constructor.name}}')),
      errors: [{ code: 'unknown_reference', nodeId: 'answer', path: '/nodes/1/config/text' }],
    },
    {
      name: 'tool arguments outside an agent tool',
      document: between(llm('llm', { prompt: '{{args.id}}' })),
      errors: [{ code: 'unknown_reference', nodeId: 'llm', path: '/nodes/1/config/prompt' }],
    },
  ],
  invalid_reference: [
    {
      name: 'code between the braces',
      document: between(llm('llm', { prompt: "{{constructor.constructor('return this')()}}" })),
      errors: [{ code: 'invalid_reference', nodeId: 'llm', path: '/nodes/1/config/prompt' }],
    },
    {
      name: 'an expression',
      document: chatChain(chatStart(), answer('{{ 1 + 1 }}')),
      errors: [{ code: 'invalid_reference', nodeId: 'answer', path: '/nodes/1/config/text' }],
    },
  ],
  downstream_reference: [
    {
      name: 'a later node',
      document: chatChain(chatStart(), template('first', '{{second.text}}'), template('second'), answer()),
      errors: [{ code: 'downstream_reference', nodeId: 'first', path: '/nodes/1/config/template' }],
    },
    {
      name: 'the node itself',
      document: chatChain(chatStart(), template('self', '{{self.text}}'), answer()),
      errors: [{ code: 'downstream_reference', nodeId: 'self', path: '/nodes/1/config/template' }],
    },
    {
      name: 'the other branch of a condition',
      document: workflow(
        [
          chatStart(),
          condition('check', '{{start.query}}', 'isNotEmpty'),
          template('yes'),
          template('no', '{{yes.text}}'),
          answer(),
        ],
        [
          { source: 'start', target: 'check' },
          { source: 'check', target: 'yes', sourceHandle: 'yes' },
          { source: 'check', target: 'no', sourceHandle: 'else' },
          { source: 'yes', target: 'answer' },
          { source: 'no', target: 'answer' },
        ],
      ),
      errors: [{ code: 'downstream_reference', nodeId: 'no', path: '/nodes/3/config/template' }],
    },
  ],
  unknown_field: [
    {
      name: 'a tool argument the tool does not declare',
      document: between({
        id: 'agent',
        type: 'agent',
        config: {
          tools: [
            {
              name: 'weather',
              parameters: { type: 'object', properties: { city: { type: 'string' } } },
              url: 'https://api.example.com/weather/{{args.town}}',
            },
          ],
        },
      }),
      errors: [{ code: 'unknown_field', nodeId: 'agent', path: '/nodes/1/config/tools/0/url' }],
    },
    {
      name: 'an output the node does not have',
      document: chatChain(chatStart(), answer('{{start.nope}}')),
      errors: [{ code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' }],
    },
    {
      name: 'a field of a string',
      document: chatChain(chatStart(), answer('{{start.query.length}}')),
      errors: [{ code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' }],
    },
    {
      name: 'a node without a field',
      document: chatChain(chatStart(), answer('{{start}} {{start[0]}}')),
      errors: [
        { code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' },
        { code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' },
      ],
    },
    {
      name: 'an inherited property',
      document: chatChain(chatStart(), answer('{{start.constructor}}{{start.__proto__}}{{start.toString}}')),
      errors: [
        { code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' },
        { code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' },
        { code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' },
      ],
    },
    {
      name: 'an unknown sys field',
      document: chatChain(chatStart(), answer('{{sys.userId}}')),
      errors: [{ code: 'unknown_field', nodeId: 'answer', path: '/nodes/1/config/text' }],
    },
    {
      name: 'a secret with a path',
      document: between(http('api', { url: 'https://api.example.com/{{secrets.KEY.inner}}' })),
      errors: [{ code: 'unknown_field', nodeId: 'api', path: '/nodes/1/config/url' }],
    },
  ],
  type_mismatch: [
    {
      name: 'condition gt on a string input',
      document: workflow(
        [chatStart(), condition('check', '{{start.query}}', 'gt', ['yes'], '3'), answer()],
        [
          { source: 'start', target: 'check' },
          { source: 'check', target: 'answer', sourceHandle: 'yes' },
          { id: 'else', source: 'check', target: 'answer', sourceHandle: 'else' },
        ],
      ),
      errors: [{ code: 'type_mismatch', nodeId: 'check', path: '/nodes/1/config/cases/0/rules/0/left' }],
    },
    {
      name: 'condition isTrue on a string input',
      document: branching(condition('check', '{{start.query}}', 'isTrue'), ['yes', 'else']),
      errors: [{ code: 'type_mismatch', nodeId: 'check', path: '/nodes/1/config/cases/0/rules/0/left' }],
    },
    {
      name: 'condition lt with a word on the right',
      document: branching(condition('check', '{{sys.now}}', 'lt', ['yes'], 'tomorrow'), ['yes', 'else']),
      errors: [
        { code: 'type_mismatch', nodeId: 'check', path: '/nodes/1/config/cases/0/rules/0/left' },
        { code: 'type_mismatch', nodeId: 'check', path: '/nodes/1/config/cases/0/rules/0/right' },
      ],
    },
    {
      name: 'end output declared number fed a string',
      document: workflow(
        [
          workflowStart([{ name: 'query', type: 'string' }]),
          end([{ name: 'total', value: '{{start.query}}', type: 'number' }]),
        ],
        chainEdges('start', 'end'),
        'workflow',
      ),
      errors: [{ code: 'type_mismatch', nodeId: 'end', path: '/nodes/1/config/outputs/0/value' }],
    },
    {
      name: 'a start default of the wrong type',
      document: workflow(
        [
          workflowStart([{ name: 'count', type: 'number', default: 'three' }]),
          end([{ name: 'count', value: '{{start.count}}' }]),
        ],
        chainEdges('start', 'end'),
        'workflow',
      ),
      errors: [{ code: 'type_mismatch', nodeId: 'start', path: '/nodes/0/config/inputs/0/default' }],
    },
  ],
  secret_not_allowed: [
    {
      name: 'a secret in a prompt',
      document: between(llm('llm', { prompt: 'Key: {{secrets.API_KEY}}' })),
      errors: [{ code: 'secret_not_allowed', nodeId: 'llm', path: '/nodes/1/config/prompt' }],
    },
    {
      name: 'a secret in an answer',
      document: chatChain(chatStart(), answer('{{secrets.API_KEY}}')),
      errors: [{ code: 'secret_not_allowed', nodeId: 'answer', path: '/nodes/1/config/text' }],
    },
    {
      name: 'a secret in an agent system prompt',
      document: between({
        id: 'agent',
        type: 'agent',
        config: { system: 'Key: {{secrets.KEY}}', tools: [{ name: 'lookup', url: 'https://x.example/' }] },
      }),
      errors: [{ code: 'secret_not_allowed', nodeId: 'agent', path: '/nodes/1/config/system' }],
    },
    {
      name: 'a secret on the right of a condition rule',
      document: branching(condition('check', '{{start.query}}', 'equals', ['yes'], '{{secrets.KEY}}'), [
        'yes',
        'else',
      ]),
      errors: [
        { code: 'secret_not_allowed', nodeId: 'check', path: '/nodes/1/config/cases/0/rules/0/right' },
      ],
    },
  ],
  missing_answer: [
    {
      name: 'a chat app without an answer',
      document: chatChain(chatStart(), template('reply', '{{start.query}}')),
      errors: [{ code: 'missing_answer', path: '/nodes' }],
    },
  ],
  answer_in_workflow: [
    {
      name: 'an answer in a workflow app',
      document: workflow(
        [workflowStart([]), answer('Hi'), end([])],
        chainEdges('start', 'answer', 'end'),
        'workflow',
      ),
      errors: [{ code: 'answer_in_workflow', nodeId: 'answer', path: '/nodes/1' }],
    },
  ],
  missing_end: [
    {
      name: 'a workflow app without an end',
      document: workflow([workflowStart([]), template('t', 'Hi')], chainEdges('start', 't'), 'workflow'),
      errors: [{ code: 'missing_end', path: '/nodes' }],
    },
  ],
  end_in_chat: [
    {
      name: 'an end in a chat app',
      document: chatChain(chatStart(), answer(), end([])),
      errors: [{ code: 'end_in_chat', nodeId: 'end', path: '/nodes/2' }],
    },
  ],
  missing_query_input: [
    {
      name: 'a chat start without inputs',
      document: chatChain(workflowStart([]), answer('Hi')),
      errors: [{ code: 'missing_query_input', nodeId: 'start', path: '/nodes/0/config/inputs' }],
    },
    {
      name: 'a chat start whose query is a number',
      document: chatChain(workflowStart([{ name: 'query', type: 'number' }]), answer('Hi')),
      errors: [{ code: 'missing_query_input', nodeId: 'start', path: '/nodes/0/config/inputs' }],
    },
  ],
  condition_missing_else: [
    {
      name: 'a condition whose else goes nowhere',
      document: workflow(
        [chatStart(), condition('check', '{{start.query}}', 'isNotEmpty'), answer()],
        [
          { source: 'start', target: 'check' },
          { source: 'check', target: 'answer', sourceHandle: 'yes' },
        ],
      ),
      errors: [{ code: 'condition_missing_else', nodeId: 'check', path: '/nodes/1' }],
    },
  ],
  duplicate_name: [
    {
      name: 'two start inputs with one name',
      document: chatChain(workflowStart([{ name: 'query' }, { name: 'query', type: 'string' }]), answer()),
      errors: [{ code: 'duplicate_name', nodeId: 'start', path: '/nodes/0/config/inputs/1/name' }],
    },
    {
      name: 'two classes with one id',
      document: workflow(
        [chatStart(), classifier('route', ['billing', 'other', 'billing']), answer()],
        [
          { source: 'start', target: 'route' },
          { source: 'route', target: 'answer', sourceHandle: 'billing' },
        ],
      ),
      errors: [{ code: 'duplicate_name', nodeId: 'route', path: '/nodes/1/config/classes/2/id' }],
    },
    {
      name: 'an extractor field named error when failures continue',
      document: between({
        id: 'extract',
        type: 'extractor',
        config: { onError: 'continue', fields: [{ name: 'city' }, { name: 'error' }] },
      }),
      errors: [{ code: 'duplicate_name', nodeId: 'extract', path: '/nodes/1/config' }],
    },
    {
      name: 'two extractor fields with one name',
      document: between({
        id: 'extract',
        type: 'extractor',
        config: { fields: [{ name: 'city' }, { name: 'date' }, { name: 'city', type: 'number' }] },
      }),
      errors: [{ code: 'duplicate_name', nodeId: 'extract', path: '/nodes/1/config/fields/2/name' }],
    },
  ],
  unconnected_port: [
    {
      name: 'a class nothing follows (a warning only)',
      document: branching(classifier('route', ['billing', 'refund', 'other']), ['billing', 'other']),
      errors: [],
      warnings: [{ code: 'unconnected_port', nodeId: 'route', path: '/nodes/1' }],
    },
    {
      name: 'a case nothing follows',
      document: branching(condition('check', '{{start.query}}', 'isEmpty', ['empty', 'blank']), [
        'blank',
        'else',
      ]),
      errors: [],
      warnings: [{ code: 'unconnected_port', nodeId: 'check', path: '/nodes/1' }],
    },
    {
      name: 'a routed error nothing follows',
      document: between(llm('llm', { onError: 'route' })),
      errors: [],
      warnings: [{ code: 'unconnected_port', nodeId: 'llm', path: '/nodes/1' }],
    },
    {
      name: 'not the ports of a node without outgoing edges, which is a dead end',
      document: workflow(
        [chatStart(), classifier('route', ['billing', 'other']), answer()],
        [
          { source: 'start', target: 'route' },
          { source: 'start', target: 'answer' },
        ],
      ),
      errors: [],
      warnings: [{ code: 'dead_end', nodeId: 'route', path: '/nodes/1' }],
    },
    {
      name: 'not the error output of onError continue, which has no port',
      document: between(llm('llm', { onError: 'continue' })),
      errors: [],
      warnings: [],
    },
  ],
  dead_end: [
    {
      name: 'a node nothing uses (a warning only)',
      document: workflow(
        [chatStart(), llm('unused'), answer()],
        [
          { source: 'start', target: 'answer' },
          { source: 'start', target: 'unused' },
        ],
      ),
      errors: [],
      warnings: [{ code: 'dead_end', nodeId: 'unused', path: '/nodes/1' }],
    },
    {
      name: 'not a streaming llm, which the caller sees',
      document: workflow(
        [chatStart(), llm('streamed', { stream: true }), answer()],
        [
          { source: 'start', target: 'answer' },
          { source: 'start', target: 'streamed' },
        ],
      ),
      errors: [],
      warnings: [],
    },
  ],
} satisfies Record<DiagnosticCode, readonly Case[]>;

describe('compile() diagnostics', () => {
  it('has an example for every code', () => {
    expect(Object.keys(cases).sort()).toEqual([...diagnosticCodes].sort());
  });

  describe.each(diagnosticCodes)('%s', (code) => {
    const examples: readonly Case[] = cases[code];
    it.each(examples.map((example) => [example.name, example] as const))('%s', (_name, example) => {
      const result = compile(example.document);
      expect(sortSites(errorSites(result))).toEqual(sortSites(example.errors));
      expect(result.ok).toBe(example.errors.length === 0);
      if (example.warnings) {
        const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
        expect(warnings.map(siteOf)).toEqual(example.warnings);
        if (result.ok) expect(result.plan.warnings).toEqual(warnings);
      }
      for (const diagnostic of result.diagnostics) expect(diagnostic.message.trim()).not.toBe('');
    });
  });

  it('names the node and the reference in the message', () => {
    const result = compile(
      chatChain(chatStart(), template('first', 'x {{second.text}}'), template('second'), answer()),
    );
    expect(result.diagnostics[0]?.message).toContain('{{second.text}}');
    expect(result.diagnostics[0]?.message).toContain('first');
  });

  it('reports every problem of a document at once', () => {
    const result = compile(
      workflow(
        [chatStart(), template('sys'), llm('llm', { temperature: 9 }), template('t', '{{ghost.x}}'), end([])],
        [...chainEdges('start', 'sys', 't', 'end'), { source: 'llm', target: 'nowhere' }],
      ),
    );
    expect(new Set(errorSites(result).map((site) => site.code))).toEqual(
      new Set([
        'reserved_node_id',
        'invalid_config',
        'dangling_edge',
        'missing_answer',
        'end_in_chat',
        'unreachable_node',
        'unknown_reference',
      ]),
    );
  });
});

describe('pointer', () => {
  it('escapes ~ and / in segments (RFC 6901)', () => {
    expect(pointer('nodes', 2, 'config', 'prompt')).toBe('/nodes/2/config/prompt');
    expect(pointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(pointer('headers', '~/')).toBe('/headers/~0~1');
    expect(pointer()).toBe('');
  });

  it('points at header names with escapes', () => {
    const result = compile(
      between(http('api', { url: 'https://x.example/', headers: { 'a~b': '{{secrets.A.B}}' } })),
    );
    expect(errorSites(result)).toEqual([
      { code: 'unknown_field', nodeId: 'api', path: '/nodes/1/config/headers/a~0b' },
    ]);
  });
});
