import { isRecord, type JsonRecord, readArray, readNumber, readRecord, readString } from './json-guards.ts';

// Past this depth optional properties, optional array items and non-null alternatives are skipped,
// so a recursive schema (a tree, a linked list) still yields a finite value.
const shallowDepth = 4;
// Only a schema whose required properties recurse forever gets this far.
const deepestDepth = 16;

interface SampleContext {
  readonly root: unknown;
  readonly depth: number;
  /** The property name the value is for, used to make strings readable. */
  readonly name: string;
}

/**
 * A deterministic value satisfying a JSON Schema (draft 2020-12 and draft 7 keywords that structured
 * outputs use: type, properties, required, items, prefixItems, enum, const, anyOf, oneOf, allOf,
 * $ref into $defs/definitions, string formats, length and numeric bounds). `pattern` is not honoured.
 * @example sampleJsonSchema({ type: 'object', properties: { city: { type: 'string' } } }) // { city: 'fake city' }
 */
export function sampleJsonSchema(schema: unknown): unknown {
  return sample(schema, { root: schema, depth: 0, name: 'value' });
}

function sample(schema: unknown, context: SampleContext): unknown {
  if (!isRecord(schema) || context.depth > deepestDepth) return null;
  if ('const' in schema) return schema.const;
  const choices = readArray(schema, 'enum');
  if (choices !== undefined && choices.length > 0) return choices[0];
  const reference = readString(schema, '$ref');
  if (reference !== undefined) {
    return sample(resolveReference(context.root, reference), { ...context, depth: context.depth + 1 });
  }
  const alternatives = readArray(schema, 'anyOf') ?? readArray(schema, 'oneOf');
  if (alternatives !== undefined) return sample(pickAlternative(alternatives, context), context);
  const parts = readArray(schema, 'allOf');
  if (parts !== undefined) return mergeSamples(parts.map((part) => sample(part, context)));
  return sampleType(schema, schemaType(schema, context), context);
}

function sampleType(schema: JsonRecord, type: string | undefined, context: SampleContext): unknown {
  switch (type) {
    case 'object':
      return sampleObject(schema, context);
    case 'array':
      return sampleArray(schema, context);
    case 'string':
      return sampleString(schema, context.name);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function schemaType(schema: JsonRecord, context: SampleContext): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const names = type.filter((name: unknown): name is string => typeof name === 'string');
    if (context.depth >= shallowDepth && names.includes('null')) return 'null';
    return names.find((name) => name !== 'null') ?? names[0];
  }
  if ('properties' in schema) return 'object';
  if ('items' in schema || 'prefixItems' in schema) return 'array';
  return undefined;
}

function pickAlternative(alternatives: readonly unknown[], context: SampleContext): unknown {
  const isNull = (alternative: unknown): boolean => isRecord(alternative) && alternative.type === 'null';
  const preferred =
    context.depth >= shallowDepth
      ? alternatives.find(isNull)
      : alternatives.find((alternative) => !isNull(alternative));
  return preferred ?? alternatives[0];
}

function mergeSamples(samples: readonly unknown[]): unknown {
  if (samples.every(isRecord)) return Object.assign({}, ...samples);
  return samples.at(-1) ?? null;
}

function sampleObject(schema: JsonRecord, context: SampleContext): Record<string, unknown> {
  const properties = readRecord(schema, 'properties') ?? {};
  const required = new Set(readArray(schema, 'required') ?? []);
  const result: Record<string, unknown> = {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    if (context.depth >= shallowDepth && !required.has(name)) continue;
    result[name] = sample(propertySchema, { root: context.root, depth: context.depth + 1, name });
  }
  return result;
}

function sampleArray(schema: JsonRecord, context: SampleContext): unknown[] {
  const itemContext = (index: number): SampleContext => ({
    root: context.root,
    depth: context.depth + 1,
    name: `${context.name} ${index + 1}`,
  });
  const prefix = readArray(schema, 'prefixItems') ?? readArray(schema, 'items') ?? [];
  const prefixValues = prefix.map((itemSchema, index) => sample(itemSchema, itemContext(index)));
  const items = schema.items;
  if (!isRecord(items)) return prefixValues;
  const minimum = readNumber(schema, 'minItems') ?? 0;
  const maximum = readNumber(schema, 'maxItems') ?? Number.POSITIVE_INFINITY;
  const wanted = context.depth >= shallowDepth ? minimum : Math.min(Math.max(minimum, 1), maximum);
  const count = Math.max(wanted - prefixValues.length, 0);
  const rest = Array.from({ length: count }, (_, index) =>
    sample(items, itemContext(prefixValues.length + index)),
  );
  return [...prefixValues, ...rest];
}

const formatSamples: Readonly<Record<string, string>> = {
  'date-time': '2024-01-01T00:00:00.000Z',
  date: '2024-01-01',
  time: '00:00:00',
  duration: 'PT1M',
  email: 'fake@example.com',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
  uri: 'https://example.com/fake',
  url: 'https://example.com/fake',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function sampleString(schema: JsonRecord, name: string): string {
  const format = readString(schema, 'format');
  const base = (format === undefined ? undefined : formatSamples[format]) ?? `fake ${name}`;
  const minimum = readNumber(schema, 'minLength') ?? 0;
  const maximum = readNumber(schema, 'maxLength') ?? Number.POSITIVE_INFINITY;
  return base.padEnd(minimum, 'x').slice(0, maximum);
}

function sampleNumber(schema: JsonRecord, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const lower = bound(schema, 'minimum', 'exclusiveMinimum', step);
  const upper = bound(schema, 'maximum', 'exclusiveMaximum', -step);
  let value = lower ?? (upper !== undefined && upper < 0 ? upper : 0);
  if (integer) value = Math.ceil(value);
  const multiple = readNumber(schema, 'multipleOf');
  if (multiple !== undefined && multiple > 0) value = Math.ceil(value / multiple) * multiple;
  return value;
}

// Draft 2020-12 gives exclusive bounds as numbers; draft 4 as booleans beside minimum/maximum.
function bound(
  schema: JsonRecord,
  inclusiveKey: string,
  exclusiveKey: string,
  step: number,
): number | undefined {
  const inclusive = readNumber(schema, inclusiveKey);
  const exclusive = schema[exclusiveKey];
  if (typeof exclusive === 'number') return exclusive + step;
  if (exclusive === true && inclusive !== undefined) return inclusive + step;
  return inclusive;
}

// Only local references (`#`, `#/$defs/Name`, `#/definitions/Name`, any JSON pointer into the root).
function resolveReference(root: unknown, reference: string): unknown {
  if (!reference.startsWith('#')) return undefined;
  const segments = reference
    .slice(1)
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = root;
  for (const segment of segments) {
    node = isRecord(node) ? node[segment] : undefined;
  }
  return node;
}
