import { configJsonSchema, kindDefinition, type NodeKind } from '@edgeflow/graph';

/** One control of the inspector, derived from the kind's JSON Schema (so the form and compile() agree). */
export type FieldSpec =
  | { readonly control: 'text'; readonly multiline: boolean; readonly template: boolean }
  | { readonly control: 'model' }
  /** An id of an existing knowledge base (`kb_…`), picked from `GET /api/knowledge-bases`. */
  | { readonly control: 'knowledgeBase' }
  | { readonly control: 'code' }
  | {
      readonly control: 'number';
      readonly integer: boolean;
      readonly minimum?: number;
      readonly maximum?: number;
    }
  | { readonly control: 'boolean' }
  | { readonly control: 'enum'; readonly options: readonly string[] }
  | { readonly control: 'constant'; readonly value: unknown }
  | { readonly control: 'object'; readonly fields: readonly ObjectField[] }
  | {
      readonly control: 'list';
      readonly item: FieldSpec;
      readonly itemDefault: unknown;
      readonly maxItems?: number;
    }
  | { readonly control: 'map'; readonly value: FieldSpec }
  | { readonly control: 'json' };

export interface ObjectField {
  readonly name: string;
  readonly spec: FieldSpec;
  readonly required: boolean;
  readonly description?: string;
  readonly defaultValue?: unknown;
}

type JsonSchema = Record<string, unknown>;

/** Whether `pointer` (e.g. `/cases/0/rules/1/left`) matches a template field pattern (`/cases/*\/rules/*\/left`). */
export function matchesPointer(pattern: string, pointer: string): boolean {
  const want = pattern.split('/');
  const have = pointer.split('/');
  return (
    want.length === have.length && want.every((segment, index) => segment === '*' || segment === have[index])
  );
}

function describe(
  schema: JsonSchema,
  pointer: string,
  context: { kind: NodeKind; templates: readonly string[] },
): FieldSpec {
  const isTemplate = context.templates.some((pattern) => matchesPointer(pattern, pointer));
  const type = schema.type;
  if ('const' in schema) return { control: 'constant', value: schema.const };
  if (Array.isArray(schema.enum)) return { control: 'enum', options: schema.enum.map(String) };
  if (type === 'string') {
    const name = pointer.split('/').pop() ?? '';
    if (context.kind === 'code' && pointer === '/code') return { control: 'code' };
    if (
      typeof schema.pattern === 'string' &&
      schema.pattern.includes(':[^\\s]+') &&
      (name === 'model' || /^\/fallbackModels\/\*$/.test(pointer))
    ) {
      return { control: 'model' };
    }
    // The catalog marks knowledge-base ids by their prefix (retrieval's `knowledgeBaseIds`).
    if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^kb_'))
      return { control: 'knowledgeBase' };
    const long = typeof schema.maxLength === 'number' && schema.maxLength > 8192;
    return { control: 'text', multiline: long, template: isTemplate };
  }
  if (type === 'number' || type === 'integer') {
    return {
      control: 'number',
      integer: type === 'integer',
      ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
      ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
    };
  }
  if (type === 'boolean') return { control: 'boolean' };
  if (type === 'array' && schema.items && typeof schema.items === 'object') {
    const item = describe(schema.items as JsonSchema, `${pointer}/*`, context);
    return {
      control: 'list',
      item,
      itemDefault: emptyValue(item),
      ...(typeof schema.maxItems === 'number' ? { maxItems: schema.maxItems } : {}),
    };
  }
  if (
    type === 'object' &&
    schema.properties &&
    typeof schema.properties === 'object' &&
    Object.keys(schema.properties).length > 0 &&
    !('propertyNames' in schema) &&
    (schema.additionalProperties ?? false) === false
  ) {
    return { control: 'object', fields: objectFields(schema, pointer, context) };
  }
  if (
    type === 'object' &&
    'propertyNames' in schema &&
    schema.additionalProperties &&
    typeof schema.additionalProperties === 'object'
  ) {
    const value = schema.additionalProperties as JsonSchema;
    if (value.type === 'string') return { control: 'map', value: describe(value, `${pointer}/*`, context) };
  }
  return { control: 'json' };
}

function objectFields(
  schema: JsonSchema,
  pointer: string,
  context: { kind: NodeKind; templates: readonly string[] },
): ObjectField[] {
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties as Record<string, JsonSchema>).map(([name, property]) => ({
    name,
    spec: describe(property, `${pointer}/${name}`, context),
    required: required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    ...('default' in property ? { defaultValue: property.default } : {}),
  }));
}

/** The value a freshly added list entry or missing field starts with. */
export function emptyValue(spec: FieldSpec): unknown {
  switch (spec.control) {
    case 'text':
    case 'model':
    case 'knowledgeBase':
    case 'code':
      return '';
    case 'number':
      return spec.minimum ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return spec.options[0] ?? '';
    case 'constant':
      return spec.value;
    case 'object':
      return Object.fromEntries(
        spec.fields
          .filter((field) => field.required || field.defaultValue !== undefined)
          .map((field) => [
            field.name,
            field.defaultValue !== undefined ? structuredClone(field.defaultValue) : emptyValue(field.spec),
          ]),
      );
    case 'list':
      return [];
    case 'map':
      return {};
    case 'json':
      return null;
  }
}

const formCache = new Map<NodeKind, ObjectField[]>();

/**
 * The inspector form of a kind: its config's top-level fields, each with the control its schema calls for.
 * @example formFields('llm').find((field) => field.name === 'prompt')?.spec // { control: 'text', template: true, … }
 */
export function formFields(kind: NodeKind): readonly ObjectField[] {
  let fields = formCache.get(kind);
  if (!fields) {
    const context = { kind, templates: kindDefinition(kind).templateFields };
    fields = objectFields(configJsonSchema(kind), '', context);
    formCache.set(kind, fields);
  }
  return fields;
}
