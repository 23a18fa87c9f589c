import type { CheckedNode, CompileContext } from './compile-context.ts';
import type { AncestorIndex } from './compile-structure.ts';
import { pointer } from './diagnostic.ts';
import {
  type ConfigReference,
  findConfigReferences,
  singleReference,
  type TemplateReference,
} from './template-reference.ts';
import { isAssignable, type ValueType } from './value-type.ts';

/** Fields of `{{sys.…}}`, always available. */
export const systemFields = ['conversationId', 'runId', 'now'] as const;

const requestTemplate = /^\/(url|body|headers\/[^/]+)$/;
const toolTemplate = /^\/tools\/\d+\/(url|body|headers\/[^/]+)$/;

/** Where `{{secrets.name}}` may appear: only in the requests of http nodes and agent tools. */
function secretsAllowed(kind: string | null, path: string): boolean {
  return (kind === 'http' && requestTemplate.test(path)) || (kind === 'agent' && toolTemplate.test(path));
}

/** Typed outputs of a node as references see them, `error` included where failures continue. */
export function referenceableOutputs(node: CheckedNode): Record<string, ValueType> | null {
  if (!node.definition || node.config === null) return null;
  const outputs = { ...node.definition.outputs(node.config) };
  const onError = (node.config as { onError?: string }).onError;
  if (onError === 'continue' || onError === 'route') outputs.error = 'object';
  return outputs;
}

/** Names of the parameters of the agent tool whose request holds `path` (`/tools/N/…`). */
function toolParameters(config: unknown, path: string): string[] {
  const index = Number(path.split('/')[2]);
  const tools = (config as { tools?: { parameters?: { properties?: Record<string, unknown> } }[] }).tools;
  return Object.keys(tools?.[index]?.parameters?.properties ?? {});
}

interface ReferenceCheck {
  /** The type the reference resolves to, or null when it is invalid (already reported). */
  readonly type: ValueType | null;
}

/** Checks one reference found in `node`'s config at `path` (pointer relative to the config). */
function checkReference(
  context: CompileContext,
  node: CheckedNode,
  reference: TemplateReference,
  path: string,
  ancestors: AncestorIndex,
): ReferenceCheck {
  const where = { nodeId: node.id, path: `${pointer('nodes', node.index)}/config${path}` };
  const shown = `{{${reference.source}}}`;
  if (!reference.valid) {
    context.report(
      'invalid_reference',
      `${shown} is not a reference; write {{node.field}}, e.g. {{start.query}}.`,
      where,
    );
    return { type: null };
  }
  const [field, ...rest] = reference.path;
  if (reference.root === 'sys') {
    if (
      typeof field !== 'string' ||
      !(systemFields as readonly string[]).includes(field) ||
      rest.length > 0
    ) {
      context.report('unknown_field', `${shown}: sys has ${systemFields.join(', ')}.`, where);
      return { type: null };
    }
    return { type: 'string' };
  }
  if (reference.root === 'secrets') {
    if (!secretsAllowed(node.kind, path)) {
      context.report(
        'secret_not_allowed',
        `${shown}: secrets may only be used in the URL, headers or body of an http request or tool.`,
        where,
      );
      return { type: null };
    }
    if (typeof field !== 'string' || rest.length > 0) {
      context.report('unknown_field', `${shown}: write {{secrets.NAME}}.`, where);
      return { type: null };
    }
    return { type: 'string' };
  }
  if (reference.root === 'args') {
    if (!(node.kind === 'agent' && toolTemplate.test(path))) {
      context.report(
        'unknown_reference',
        `${shown}: {{args.…}} is only known inside an agent tool's request.`,
        where,
      );
      return { type: null };
    }
    const parameters = toolParameters(node.config, path);
    if (typeof field !== 'string' || (parameters.length > 0 && !parameters.includes(field))) {
      context.report(
        'unknown_field',
        `${shown}: the tool's parameters are ${parameters.join(', ') || 'none'}.`,
        where,
      );
      return { type: null };
    }
    return { type: 'any' };
  }
  const target = context.byId.get(reference.root);
  if (!target) {
    context.report(
      'unknown_reference',
      `${shown} refers to “${reference.root}”, which is not a node.`,
      where,
    );
    return { type: null };
  }
  if (target.id === node.id || !ancestors.isUpstream(target.id, node.id)) {
    context.report(
      'downstream_reference',
      `${shown}: “${target.id}” does not run before “${node.id}”; only upstream outputs can be used.`,
      where,
    );
    return { type: null };
  }
  const outputs = referenceableOutputs(target);
  if (!outputs) return { type: 'any' };
  const fieldType = typeof field === 'string' && Object.hasOwn(outputs, field) ? outputs[field] : undefined;
  if (fieldType === undefined) {
    const names = Object.keys(outputs);
    context.report(
      'unknown_field',
      `${shown}: “${target.id}” has no output “${String(field ?? '')}”; it has ${names.length ? names.join(', ') : 'none'}.`,
      where,
    );
    return { type: null };
  }
  if (rest.length === 0) return { type: fieldType };
  if (fieldType === 'object' || fieldType === 'array' || fieldType === 'any') return { type: 'any' };
  context.report(
    'unknown_field',
    `${shown}: “${target.id}.${String(field)}” is a ${fieldType}; it has no fields.`,
    where,
  );
  return { type: null };
}

function valueAt(config: unknown, path: string): unknown {
  let current = config;
  for (const segment of path.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Checks every reference of every node; returns, per node, its references and the nodes they name. */
export function checkReferences(
  context: CompileContext,
  ancestors: AncestorIndex,
): Map<string, { references: ConfigReference[]; dependsOn: string[] }> {
  const result = new Map<string, { references: ConfigReference[]; dependsOn: string[] }>();
  for (const node of context.nodes) {
    if (node.config === null || !node.definition) continue;
    const references = findConfigReferences(node.config, node.definition.templateFields);
    const dependsOn = new Set<string>();
    const types = new Map<string, ValueType | null>();
    for (const { reference, path } of references) {
      const { type } = checkReference(context, node, reference, path, ancestors);
      if (type !== null && context.byId.has(reference.root)) dependsOn.add(reference.root);
      types.set(`${path}\u0000${reference.start}`, type);
    }
    for (const field of node.definition.typedReferences?.(node.config) ?? []) {
      const value = valueAt(node.config, field.path);
      if (typeof value !== 'string') continue;
      const only = singleReference(value);
      const actual = only ? types.get(`${field.path}\u0000${only.start}`) : 'string';
      if (actual === null || actual === undefined || isAssignable(actual, field.expected)) continue;
      context.report(
        'type_mismatch',
        `The ${field.label} must be a ${field.expected}, but ${only ? `{{${only.source}}}` : 'this text'} is a ${actual}.`,
        { nodeId: node.id, path: `${pointer('nodes', node.index)}/config${field.path}` },
      );
    }
    result.set(node.id, { references, dependsOn: [...dependsOn] });
  }
  return result;
}
