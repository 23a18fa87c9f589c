import { nodeKinds } from '@edgeflow/graph';
import { describe, expect, it } from 'vitest';
import { type FieldSpec, formFields, type ObjectField } from '../inspector/form-fields.ts';
import { fieldText } from './field-text.ts';
import { zhFields } from './zh.ts';

/** Every config field of every kind in the node catalog, nested ones included, keyed `kind/path`. */
function catalogFields(): Map<string, ObjectField> {
  const found = new Map<string, ObjectField>();
  const visit = (kind: string, path: string, spec: FieldSpec) => {
    if (spec.control === 'object') walk(kind, path, spec.fields);
    else if (spec.control === 'list') visit(kind, `${path}/*`, spec.item);
    else if (spec.control === 'map') visit(kind, `${path}/*`, spec.value);
  };
  const walk = (kind: string, prefix: string, fields: readonly ObjectField[]) => {
    for (const field of fields) {
      const path = prefix === '' ? field.name : `${prefix}/${field.name}`;
      found.set(`${kind}/${path}`, field);
      visit(kind, path, field.spec);
    }
  };
  for (const kind of nodeKinds) walk(kind, '', formFields(kind));
  return found;
}

describe('catalog field texts', () => {
  const fields = catalogFields();

  it('translate every field of every node kind into Chinese, with help wherever English has it', () => {
    expect(fields.size).toBeGreaterThan(50);
    const missing = [...fields.keys()].filter((key) => !zhFields[key]?.label.trim());
    expect(missing).toEqual([]);
    const helpMismatch = [...fields].filter(
      ([key, field]) => Boolean(zhFields[key]?.description?.trim()) !== Boolean(field.description),
    );
    expect(helpMismatch.map(([key]) => key)).toEqual([]);
  });

  it('hold no entry for a field the catalog does not have', () => {
    expect(Object.keys(zhFields).filter((key) => !fields.has(key))).toEqual([]);
  });

  it('show the catalog’s own name and description in English, the translation in Chinese', () => {
    const prompt = formFields('llm').find((field) => field.name === 'prompt');
    if (!prompt) throw new Error('llm has no prompt field');
    expect(fieldText('en', 'llm', 'prompt', prompt)).toEqual({
      label: 'prompt',
      description: prompt.description,
    });
    expect(fieldText('zh-CN', 'llm', 'prompt', prompt)).toEqual({
      label: '提示词',
      description: '用户消息；可引用上游输出',
    });
    expect(fieldText('zh-CN', 'condition', 'cases/*/rules/*/left', { name: 'left' }).label).toBe('左值');
  });
});
