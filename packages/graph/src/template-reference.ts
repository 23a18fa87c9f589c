/**
 * Template references `{{node.path}}`: our own logic-less parser and renderer. No expressions are
 * evaluated, ever: `{{constructor.constructor('x')()}}` is an invalid reference that renders empty,
 * and lookups follow own properties only, so `{{start.constructor}}` finds nothing either.
 */

export type PathSegment = string | number;

export interface TemplateReference {
  /** The text between the braces, trimmed. */
  readonly source: string;
  /** `node id`, `sys`, `secrets` or `args`; empty when the reference is not well-formed. */
  readonly root: string;
  readonly path: readonly PathSegment[];
  readonly valid: boolean;
  /** Offsets of `{{` and just past `}}` in the template. */
  readonly start: number;
  readonly end: number;
}

export type TemplateSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'reference'; readonly reference: TemplateReference };

const identifierStart = /[A-Za-z_]/;
const identifierPart = /[A-Za-z0-9_]/;

/** Parses `node.field[0].sub` into root and path, or returns null when malformed. */
export function parseReferencePath(source: string): { root: string; path: PathSegment[] } | null {
  let index = 0;
  const readIdentifier = (): string | null => {
    const begin = index;
    if (!identifierStart.test(source[index] ?? '')) return null;
    index += 1;
    while (index < source.length && identifierPart.test(source[index] ?? '')) index += 1;
    return source.slice(begin, index);
  };
  const root = readIdentifier();
  if (root === null) return null;
  const path: PathSegment[] = [];
  while (index < source.length) {
    const char = source[index];
    if (char === '.') {
      index += 1;
      const field = readIdentifier();
      if (field === null) return null;
      path.push(field);
    } else if (char === '[') {
      const close = source.indexOf(']', index);
      const digits = close === -1 ? '' : source.slice(index + 1, close);
      if (!/^\d{1,9}$/.test(digits)) return null;
      path.push(Number(digits));
      index = close + 1;
    } else {
      return null;
    }
  }
  return { root, path };
}

/** Splits a template into text and references. */
export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let cursor = 0;
  while (cursor < template.length) {
    const open = template.indexOf('{{', cursor);
    if (open !== -1 && template[open - 1] === '\\') {
      // `\{{` writes a literal `{{` (for prompts that show Mustache or Jinja examples), closed or not.
      segments.push({ kind: 'text', text: `${template.slice(cursor, open - 1)}{{` });
      cursor = open + 2;
      continue;
    }
    const close = open === -1 ? -1 : template.indexOf('}}', open + 2);
    if (open === -1 || close === -1) {
      segments.push({ kind: 'text', text: template.slice(cursor) });
      break;
    }
    if (open > cursor) segments.push({ kind: 'text', text: template.slice(cursor, open) });
    const source = template.slice(open + 2, close).trim();
    const parsed = parseReferencePath(source);
    segments.push({
      kind: 'reference',
      reference: {
        source,
        root: parsed?.root ?? '',
        path: parsed?.path ?? [],
        valid: parsed !== null,
        start: open,
        end: close + 2,
      },
    });
    cursor = close + 2;
  }
  return segments;
}

/** Every reference in a template. */
export function findReferences(template: string): TemplateReference[] {
  return parseTemplate(template).flatMap((segment) =>
    segment.kind === 'reference' ? [segment.reference] : [],
  );
}

/** The reference when a template is exactly one reference (surrounding whitespace allowed), else null. */
export function singleReference(template: string): TemplateReference | null {
  const segments = parseTemplate(template).filter(
    (segment) => segment.kind === 'reference' || segment.text.trim(),
  );
  const only = segments[0];
  return segments.length === 1 && only?.kind === 'reference' ? only.reference : null;
}

/** A reference found somewhere inside a config, with the JSON pointer of the string that holds it. */
export interface ConfigReference {
  readonly reference: TemplateReference;
  /** Pointer relative to the config, e.g. `/cases/0/rules/0/left`. */
  readonly path: string;
}

/** The strings of a config at the given template pointers (`*` matches any key or index), with their pointers. */
export function templateStrings(
  config: unknown,
  templateFields: readonly string[],
): { text: string; path: string }[] {
  const found: { text: string; path: string }[] = [];
  const visit = (value: unknown, segments: readonly string[], path: string): void => {
    if (segments.length === 0) {
      if (typeof value === 'string') found.push({ text: value, path });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const [head, ...rest] = segments as [string, ...string[]];
    const keys = head === '*' ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
    for (const key of keys) {
      visit(
        (value as Record<string, unknown>)[key],
        rest,
        `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
      );
    }
  };
  for (const field of templateFields) visit(config, field.split('/').slice(1), '');
  return found;
}

/** Every reference in the template fields of a config. */
export function findConfigReferences(config: unknown, templateFields: readonly string[]): ConfigReference[] {
  const found: ConfigReference[] = [];
  for (const { text, path } of templateStrings(config, templateFields)) {
    if (text.includes('{{')) for (const reference of findReferences(text)) found.push({ reference, path });
  }
  return found;
}

/** Follows a path through own properties only; undefined when any step is missing. */
export function resolvePath(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (Array.isArray(current) || !Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** How a value appears inside rendered text: strings as they are, the rest as JSON, nothing as ''. */
export function stringifyValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** Looks up the value of a well-formed reference; undefined for unknown ones. */
export type ReferenceResolver = (reference: TemplateReference) => unknown;

/**
 * Renders a template; malformed and unknown references render as ''.
 * @example renderTemplate('Hi {{start.name}}', (ref) => resolvePath({ start: { name: 'Ada' } }[ref.root], ref.path))
 */
export function renderTemplate(template: string, resolve: ReferenceResolver): string {
  if (!template.includes('{{')) return template;
  let text = '';
  for (const segment of parseTemplate(template)) {
    if (segment.kind === 'text') text += segment.text;
    else if (segment.reference.valid) text += stringifyValue(resolve(segment.reference));
  }
  return text;
}

/**
 * Resolves a value field: exactly one reference passes its raw value, anything else renders as text.
 */
export function resolveValue(template: string, resolve: ReferenceResolver): unknown {
  const only = singleReference(template);
  if (only) return only.valid ? resolve(only) : undefined;
  return renderTemplate(template, resolve);
}
