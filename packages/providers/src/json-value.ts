import type { JSONValue } from 'ai';

/**
 * A JSON value equal to what `JSON.stringify` would keep of `value`: undefined and functions drop
 * out of objects (and become null in arrays), non-finite numbers become null, `toJSON` is honoured.
 * Tool results are unknown values from the engine; the AI SDK wants JSON.
 */
export function toJsonValue(value: unknown): JSONValue {
  return toJson(value, new Set()) ?? null;
}

function toJson(value: unknown, seen: Set<object>): JSONValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (hasToJson(value)) return toJson(value.toJSON(), seen);
  // A cycle cannot be JSON; cut it rather than overflow the stack.
  if (seen.has(value)) return null;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown) => toJson(item, seen) ?? null);
    const result: { [key: string]: JSONValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toJson(item, seen);
      if (converted !== undefined) result[key] = converted;
    }
    return result;
  } finally {
    seen.delete(value);
  }
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
