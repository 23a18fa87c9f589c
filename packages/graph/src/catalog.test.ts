import { describe, expect, it } from 'vitest';
import { answer, chatStart, end, planOf, workflow } from '../test/documents.ts';
import {
  catalog,
  compile,
  configJsonSchema,
  defaultPort,
  isNodeKind,
  kindDefinition,
  type NodeKind,
  nodeKinds,
  valueTypes,
} from './index.ts';

/** The kinds of GRAPH.md's table, in its order. */
const documentedKinds = [
  'start',
  'llm',
  'template',
  'retrieval',
  'http',
  'agent',
  'condition',
  'classifier',
  'extractor',
  'code',
  'answer',
  'end',
] as const satisfies readonly NodeKind[];

const categories = ['basic', 'model', 'knowledge', 'tools', 'logic', 'output'];

describe('catalog', () => {
  it('has exactly the kinds GRAPH.md documents, in palette order', () => {
    expect(nodeKinds).toEqual(documentedKinds);
  });

  it('knows its kinds and nothing inherited', () => {
    for (const kind of documentedKinds) expect(isNodeKind(kind)).toBe(true);
    for (const other of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'LLM',
      '',
      'loop',
      1,
      null,
    ]) {
      expect(isNodeKind(other)).toBe(false);
    }
  });

  describe.each(documentedKinds)('%s', (kind) => {
    const definition = kindDefinition(kind);

    it('describes itself for the palette', () => {
      expect(definition).toBe(catalog[kind]);
      expect(definition.kind).toBe(kind);
      expect(definition.label.trim()).not.toBe('');
      expect(definition.description.trim()).not.toBe('');
      expect(categories).toContain(definition.category);
      expect(definition.hasInput).toBe(kind !== 'start');
      expect(typeof definition.retryable).toBe('boolean');
    });

    it('has a default config its own schema accepts, defaults already filled', () => {
      const parsed = definition.configSchema.safeParse(definition.defaultConfig);
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(definition.defaultConfig);
    });

    it('has ports and typed outputs for its default config', () => {
      const ports = definition.outputPorts(definition.defaultConfig);
      expect(ports.length).toBeGreaterThan(0);
      expect(new Set(ports).size).toBe(ports.length);
      const outputs = definition.outputs(definition.defaultConfig);
      expect(Object.keys(outputs).length).toBeGreaterThan(0);
      for (const type of Object.values(outputs)) expect(valueTypes).toContain(type);
    });

    it('names template fields that are strings of its config schema', () => {
      const fields = definition.templateFields;
      expect(new Set(fields).size).toBe(fields.length);
      for (const field of fields) {
        expect(field).toMatch(/^(\/([A-Za-z]+|\*))+$/);
        let schema: Record<string, unknown> | undefined = configJsonSchema(kind);
        for (const segment of field.split('/').slice(1)) {
          const next: unknown =
            segment === '*'
              ? (schema?.items ?? schema?.additionalProperties)
              : (schema?.properties as Record<string, unknown> | undefined)?.[segment];
          schema = next as Record<string, unknown> | undefined;
        }
        expect(schema?.type, `${kind} ${field}`).toBe('string');
      }
    });

    it('has an object JSON Schema for the editor', () => {
      const schema = configJsonSchema(kind);
      expect(schema.type).toBe('object');
      expect(schema.properties).toBeTypeOf('object');
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
      expect(configJsonSchema(kind)).toBe(schema);
      // Every property the schema names is one the config schema knows.
      const defaultKeys = Object.keys(definition.defaultConfig as object);
      for (const key of defaultKeys) expect(Object.keys(schema.properties as object)).toContain(key);
    });
  });

  it('gives non-branching kinds the default port and branching kinds one port per outcome', () => {
    for (const kind of documentedKinds) {
      if (kind === 'condition' || kind === 'classifier') continue;
      const definition = kindDefinition(kind);
      expect(definition.outputPorts(definition.defaultConfig)).toEqual([defaultPort]);
    }
    expect(catalog.condition.outputPorts(catalog.condition.defaultConfig)).toEqual(['case_1', 'else']);
    expect(catalog.classifier.outputPorts(catalog.classifier.defaultConfig)).toEqual(['question', 'other']);
  });

  it('describes configs as a person writes them: only fields without defaults are required', () => {
    const required = Object.fromEntries(
      documentedKinds.map((kind) => [kind, (configJsonSchema(kind).required as string[] | undefined) ?? []]),
    );
    expect(required).toEqual({
      start: [],
      llm: [],
      template: [],
      retrieval: [],
      http: ['url'],
      agent: [],
      condition: ['cases'],
      classifier: ['classes'],
      extractor: ['fields'],
      code: [],
      answer: [],
      end: [],
    });
  });

  it('marks model, http, retrieval and code nodes retryable', () => {
    const retryable = documentedKinds.filter((kind) => kindDefinition(kind).retryable);
    expect(retryable).toEqual(['llm', 'retrieval', 'http', 'agent', 'classifier', 'extractor', 'code']);
  });

  it('lists the outputs GRAPH.md documents', () => {
    expect(catalog.llm.outputs(catalog.llm.defaultConfig)).toEqual({ text: 'string', usage: 'object' });
    expect(catalog.template.outputs(catalog.template.defaultConfig)).toEqual({ text: 'string' });
    expect(catalog.retrieval.outputs(catalog.retrieval.defaultConfig)).toEqual({
      chunks: 'array',
      context: 'string',
    });
    expect(catalog.http.outputs(catalog.http.defaultConfig)).toMatchObject({
      status: 'number',
      body: 'string',
      json: 'any',
    });
    expect(catalog.agent.outputs(catalog.agent.defaultConfig)).toEqual({
      text: 'string',
      toolCalls: 'array',
      usage: 'object',
    });
    expect(catalog.classifier.outputs(catalog.classifier.defaultConfig)).toEqual({ class: 'string' });
    expect(catalog.answer.outputs(catalog.answer.defaultConfig)).toEqual({ text: 'string' });
    expect(catalog.start.outputs(catalog.start.defaultConfig)).toEqual({ query: 'string' });
    expect(catalog.extractor.outputs(catalog.extractor.defaultConfig)).toEqual({ name: 'string' });
    expect(catalog.code.outputs(catalog.code.defaultConfig)).toEqual({ result: 'string' });
    expect(catalog.end.outputs(catalog.end.defaultConfig)).toEqual({ result: 'any' });
  });
});

describe('a freshly dropped node (default config)', () => {
  const middleKinds = documentedKinds.filter(
    (kind) => kind !== 'start' && kind !== 'answer' && kind !== 'end',
  );

  it.each(middleKinds)('%s compiles between the start and the answer', (kind) => {
    const definition = kindDefinition(kind);
    const ports = definition.outputPorts(definition.defaultConfig);
    const document = workflow(
      [
        chatStart(),
        { id: kind, type: kind, config: definition.defaultConfig as Record<string, unknown> },
        answer(),
      ],
      [
        { source: 'start', target: kind },
        ...ports.map((port) => ({
          id: `${kind}-${port}`,
          source: kind,
          target: 'answer',
          sourceHandle: port,
        })),
      ],
    );
    expect(planOf(compile(document)).byId.get(kind)?.config).toEqual(definition.defaultConfig);
  });

  it('answer compiles after a node named llm', () => {
    const document = workflow(
      [
        chatStart(),
        { id: 'llm', type: 'llm' },
        { id: 'answer', type: 'answer', config: catalog.answer.defaultConfig },
      ],
      [
        { source: 'start', target: 'llm' },
        { source: 'llm', target: 'answer' },
      ],
    );
    expect(compile(document).ok).toBe(true);
  });

  it('start and end compile as a workflow app', () => {
    const document = workflow(
      [
        { id: 'start', type: 'start', config: catalog.start.defaultConfig },
        end(catalog.end.defaultConfig.outputs),
      ],
      [{ source: 'start', target: 'end' }],
      'workflow',
    );
    expect(compile(document).ok).toBe(true);
  });
});
