import { nodeKinds } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';
import { emptyValue, formFields, matchesPointer } from './form-fields.ts';

const field = (kind: Parameters<typeof formFields>[0], name: string) =>
  formFields(kind).find((entry) => entry.name === name);

describe('inspector forms from the catalog schema', () => {
  it('has a field for every config property of every kind', () => {
    for (const kind of nodeKinds) expect(formFields(kind).length).toBeGreaterThan(0);
  });

  it('gives prompts a multi-line template editor and the model a model picker', () => {
    expect(field('llm', 'prompt')?.spec).toEqual({ control: 'text', multiline: true, template: true });
    expect(field('llm', 'model')?.spec).toEqual({ control: 'model' });
    expect(field('llm', 'fallbackModels')?.spec).toMatchObject({
      control: 'list',
      item: { control: 'model' },
    });
    expect(field('llm', 'temperature')?.spec).toEqual({
      control: 'number',
      integer: false,
      minimum: 0,
      maximum: 2,
    });
    expect(field('llm', 'onError')?.spec).toEqual({
      control: 'enum',
      options: ['fail', 'continue', 'route'],
    });
  });

  it('builds condition rules as nested lists with operator choices and template sides', () => {
    const cases = field('condition', 'cases')?.spec;
    if (cases?.control !== 'list' || cases.item.control !== 'object')
      throw new Error('cases is not a list of objects');
    const rules = cases.item.fields.find((entry) => entry.name === 'rules')?.spec;
    if (rules?.control !== 'list' || rules.item.control !== 'object')
      throw new Error('rules is not a list of objects');
    const [left, operator] = rules.item.fields;
    expect(left?.spec).toMatchObject({ control: 'text', template: true });
    expect(operator?.spec).toMatchObject({ control: 'enum' });
    expect(emptyValue(rules.item)).toEqual({ left: '', operator: 'equals', right: '' });
  });

  it('describes http tools, headers and code', () => {
    const tools = field('agent', 'tools')?.spec;
    if (tools?.control !== 'list' || tools.item.control !== 'object') throw new Error('tools');
    expect(tools.item.fields.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['name', 'url', 'method', 'headers', 'parameters']),
    );
    expect(tools.item.fields.find((entry) => entry.name === 'headers')?.spec).toMatchObject({
      control: 'map',
      value: { control: 'text', template: true },
    });
    expect(tools.item.fields.find((entry) => entry.name === 'parameters')?.spec.control).toBe('json');
    expect(field('code', 'code')?.spec).toEqual({ control: 'code' });
    expect(field('code', 'language')?.spec).toEqual({ control: 'constant', value: 'javascript' });
  });

  it('gives the retrieval node a list of knowledge-base pickers, not raw text', () => {
    expect(field('retrieval', 'knowledgeBaseIds')?.spec).toEqual({
      control: 'list',
      item: { control: 'knowledgeBase' },
      itemDefault: '',
      maxItems: 10,
    });
    expect(field('retrieval', 'query')?.spec).toMatchObject({ control: 'text', template: true });
    expect(field('retrieval', 'mode')?.spec).toEqual({
      control: 'enum',
      options: ['keyword', 'vector', 'hybrid'],
    });
  });

  it('matches template pointers with wildcards', () => {
    expect(matchesPointer('/cases/*/rules/*/left', '/cases/0/rules/3/left')).toBe(true);
    expect(matchesPointer('/cases/*/rules/*/left', '/cases/0/rules/left')).toBe(false);
  });
});
