import {
  parseTemplate,
  type ReferenceResolver,
  singleReference,
  stringifyValue,
  type TemplateReference,
  type TemplateSegment,
} from '@edgeflow/graph';

/** A config string parsed once per plan, so a run only walks segments. */
export interface PreparedTemplate {
  readonly source: string;
  readonly segments: readonly TemplateSegment[];
  /** The reference when the string is exactly one (whitespace around allowed): it passes raw values. */
  readonly single: TemplateReference | null;
  /** Well-formed references, in order. */
  readonly references: readonly TemplateReference[];
  /** Names used as `{{secrets.name}}`. */
  readonly secretNames: readonly string[];
  /** Names used as `{{args.name}}`. */
  readonly argNames: readonly string[];
}

export function prepareTemplate(source: string): PreparedTemplate {
  const segments = source.includes('{{') ? parseTemplate(source) : [{ kind: 'text' as const, text: source }];
  const references: TemplateReference[] = [];
  const secretNames: string[] = [];
  const argNames: string[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'reference' || !segment.reference.valid) continue;
    const { reference } = segment;
    references.push(reference);
    const [field] = reference.path;
    if (typeof field !== 'string') continue;
    if (reference.root === 'secrets' && !secretNames.includes(field)) secretNames.push(field);
    if (reference.root === 'args' && !argNames.includes(field)) argNames.push(field);
  }
  return {
    source,
    segments,
    single: references.length === 1 ? singleReference(source) : null,
    references,
    secretNames,
    argNames,
  };
}

/** Renders with the same rules as graph's renderTemplate: unknown and malformed references are ''. */
export function renderPrepared(template: PreparedTemplate, resolve: ReferenceResolver): string {
  if (template.references.length === 0) return plainText(template);
  let text = '';
  for (const segment of template.segments) {
    if (segment.kind === 'text') text += segment.text;
    else if (segment.reference.valid) text += stringifyValue(resolve(segment.reference));
  }
  return text;
}

function plainText(template: PreparedTemplate): string {
  if (!template.source.includes('{{')) return template.source;
  let text = '';
  for (const segment of template.segments) if (segment.kind === 'text') text += segment.text;
  return text;
}

/** A value field: exactly one reference passes its raw value, anything else renders as text. */
export function preparedValue(template: PreparedTemplate, resolve: ReferenceResolver): unknown {
  return template.single ? resolve(template.single) : renderPrepared(template, resolve);
}
