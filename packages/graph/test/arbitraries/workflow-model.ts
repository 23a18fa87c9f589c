/**
 * The model of a generated workflow: it knows every reference and typed field the generator placed,
 * so tests can predict compile()'s diagnostics without asking the compiler.
 */
import type { NodeKind, ValueType, WorkflowDocumentInput } from '../../src/index.ts';
import type { DiagnosticSite } from '../documents.ts';

/** A `{{node.…}}` reference the generator placed; `path` is the pointer inside the node's config. */
export interface GeneratedReference {
  readonly root: string;
  readonly path: string;
}

/** A field that must hold one reference of a type (condition left sides, typed end outputs). */
export type TypedSite =
  | {
      readonly kind: 'condition';
      readonly caseIndex: number;
      readonly ruleIndex: number;
      readonly type: ValueType;
    }
  | { readonly kind: 'end'; readonly outputIndex: number; readonly type: ValueType };

export interface GeneratedNode {
  readonly id: string;
  readonly type: NodeKind;
  readonly config: Record<string, unknown>;
  /** Node references only (not sys, secrets or args), one per occurrence. */
  readonly references: readonly GeneratedReference[];
  /** Every output port, `error` included when failures are routed. */
  readonly ports: readonly string[];
  readonly outputs: Readonly<Record<string, ValueType>>;
  readonly typedSites: readonly TypedSite[];
}

export interface GeneratedEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly port: string;
  /** How the document spells the port: `out` may be left out or null. */
  readonly sourceHandle?: string | null;
}

/** A valid workflow: nodes in a topological order, the start first and the answer or end last. */
export interface GeneratedWorkflow {
  readonly mode: 'chat' | 'workflow';
  readonly nodes: readonly GeneratedNode[];
  readonly edges: readonly GeneratedEdge[];
}

/** Names that are valid identifiers but also properties every JavaScript object inherits. */
export const prototypeNames = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
] as const;

export function toDocument(workflow: GeneratedWorkflow): WorkflowDocumentInput {
  return {
    schema: 'edgeflow/workflow@1',
    name: 'Generated',
    mode: workflow.mode,
    nodes: workflow.nodes.map((node, index) => ({
      id: node.id,
      type: node.type,
      position: { x: index * 240, y: (index % 3) * 120 },
      config: structuredClone(node.config),
    })),
    edges: workflow.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(edge.sourceHandle === undefined ? {} : { sourceHandle: edge.sourceHandle }),
    })),
  };
}

/** RFC 6901 segment escaping, written here rather than imported so the oracle stays independent. */
export function escapeSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Picks an item by a generated number, wrapping around. */
export function at<T>(items: readonly T[], choice: number): T {
  const item = items[choice % items.length];
  if (item === undefined) throw new Error('choice from an empty list');
  return item;
}

/** The same workflow with one node's config replaced. */
export function withConfig(
  workflow: GeneratedWorkflow,
  index: number,
  config: Record<string, unknown>,
): GeneratedWorkflow {
  return {
    ...workflow,
    nodes: workflow.nodes.map((node, position) => (position === index ? { ...node, config } : node)),
  };
}

/** Every node's ancestors along the workflow's edges. Requires nodes in a topological order. */
export function ancestorsOf(workflow: GeneratedWorkflow): Map<string, Set<string>> {
  const ancestors = new Map<string, Set<string>>();
  for (const node of workflow.nodes) {
    const own = new Set<string>();
    for (const edge of workflow.edges) {
      if (edge.target !== node.id) continue;
      own.add(edge.source);
      for (const id of ancestors.get(edge.source) ?? []) own.add(id);
    }
    ancestors.set(node.id, own);
  }
  return ancestors;
}

/**
 * The errors compile() must report for a workflow whose edges may have lost some of what made it
 * valid (nodes still in a topological order): unreachable nodes, references that are no longer
 * upstream, conditions whose else port is no longer connected.
 */
export function expectedStructuralErrors(workflow: GeneratedWorkflow): DiagnosticSite[] {
  const errors: DiagnosticSite[] = [];
  const startId = workflow.nodes.find((node) => node.type === 'start')?.id;
  const reached = new Set(startId === undefined ? [] : [startId]);
  for (const node of workflow.nodes) {
    if (workflow.edges.some((edge) => edge.target === node.id && reached.has(edge.source)))
      reached.add(node.id);
  }
  const ancestors = ancestorsOf(workflow);
  workflow.nodes.forEach((node, index) => {
    if (!reached.has(node.id))
      errors.push({ code: 'unreachable_node', nodeId: node.id, path: `/nodes/${index}` });
    if (
      node.type === 'condition' &&
      !workflow.edges.some((edge) => edge.source === node.id && edge.port === 'else')
    ) {
      errors.push({ code: 'condition_missing_else', nodeId: node.id, path: `/nodes/${index}` });
    }
    for (const reference of node.references) {
      if (!ancestors.get(node.id)?.has(reference.root)) {
        errors.push({
          code: 'downstream_reference',
          nodeId: node.id,
          path: `/nodes/${index}/config${reference.path}`,
        });
      }
    }
  });
  return errors;
}

/** The ports whose outcome ends the branch when nothing is connected: classes, cases, routed errors. */
export function branchPorts(node: GeneratedNode): readonly string[] {
  if (node.type === 'classifier') return node.ports;
  if (node.type === 'condition') return node.ports.filter((port) => port !== 'else');
  return node.ports.filter((port) => port === 'error');
}

/**
 * The warnings compile() must report for the same kind of workflow as expectedStructuralErrors:
 * a branch port left unconnected while its node has other outgoing edges, and a node nothing
 * follows whose outputs no valid (upstream) reference uses.
 */
export function expectedWarnings(workflow: GeneratedWorkflow): DiagnosticSite[] {
  const warnings: DiagnosticSite[] = [];
  const ancestors = ancestorsOf(workflow);
  const referenced = new Set(
    workflow.nodes.flatMap((node) =>
      node.references
        .filter((reference) => ancestors.get(node.id)?.has(reference.root))
        .map((reference) => reference.root),
    ),
  );
  workflow.nodes.forEach((node, index) => {
    const outgoing = workflow.edges.filter((edge) => edge.source === node.id);
    const site = { nodeId: node.id, path: `/nodes/${index}` };
    if (outgoing.length > 0) {
      for (const port of branchPorts(node)) {
        if (!outgoing.some((edge) => edge.port === port))
          warnings.push({ code: 'unconnected_port', ...site });
      }
    } else if (
      node.type !== 'answer' &&
      node.type !== 'end' &&
      !referenced.has(node.id) &&
      !(node.type === 'llm' && node.config.stream === true)
    ) {
      warnings.push({ code: 'dead_end', ...site });
    }
  });
  return warnings;
}
