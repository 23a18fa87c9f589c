import type { NodeKind } from './catalog.ts';
import { CompileContext } from './compile-context.ts';
import { checkNodes, issueMessage, issuePointer } from './compile-nodes.ts';
import { checkReferences, referenceableOutputs } from './compile-references.ts';
import { checkBranches, checkDeadEnds, checkMode, checkStart } from './compile-rules.ts';
import { ancestorIndex, checkEdges, checkReachability, orderNodes } from './compile-structure.ts';
import type { Diagnostic } from './diagnostic.ts';
import { type WorkflowDocument, workflowDocumentSchema } from './document.ts';
import type { StartConfig } from './kinds/start.ts';
import type { CompileResult, Plan, PlanEdge, PlanNode } from './plan.ts';

function parseDocument(document: unknown): { document: WorkflowDocument } | { diagnostics: Diagnostic[] } {
  const parsed = workflowDocumentSchema.safeParse(document);
  if (parsed.success) return { document: parsed.data };
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  const diagnostics = parsed.error.issues.map((issue): Diagnostic => {
    const [first, index] = issue.path;
    const node =
      first === 'nodes' && typeof index === 'number' && Array.isArray(nodes) ? nodes[index] : undefined;
    const nodeId = (node as { id?: unknown } | undefined)?.id;
    return {
      severity: 'error',
      code: 'invalid_document',
      message:
        issue.path.length === 0 && issue.code === 'invalid_type'
          ? 'A workflow document must be a JSON object.'
          : issueMessage(issue),
      path: issuePointer('', issue.path),
      ...(typeof nodeId === 'string' ? { nodeId } : {}),
    };
  });
  return { diagnostics };
}

/**
 * Compiles a workflow document into a plan the engine runs, or explains what is wrong with it.
 * Never throws, whatever it is given.
 * @example const result = compile(JSON.parse(text)); if (!result.ok) show(result.diagnostics);
 */
export function compile(document: unknown): CompileResult {
  try {
    return compileDocument(document);
  } catch (error) {
    // Pathological input (configs nested deep enough to exhaust the stack) ends here; anything else is
    // our bug, reported distinctly so tests can tell the two apart.
    const message =
      error instanceof RangeError
        ? 'The document is too large or too deeply nested to compile.'
        : 'The compiler failed on this document; please report it.';
    return { ok: false, diagnostics: [{ severity: 'error', code: 'invalid_document', message, path: '' }] };
  }
}

function compileDocument(input: unknown): CompileResult {
  const parsed = parseDocument(input);
  if ('diagnostics' in parsed) return { ok: false, diagnostics: parsed.diagnostics };
  const context = new CompileContext(parsed.document);
  checkNodes(context);
  checkEdges(context);
  const startId = checkStart(context);
  checkMode(context, startId);
  checkBranches(context);
  const order = orderNodes(context);
  if (startId && order) checkReachability(context, startId);
  const references = order ? checkReferences(context, ancestorIndex(context, order)) : null;
  if (references) {
    const referenced = new Set([...references.values()].flatMap((entry) => entry.dependsOn));
    checkDeadEnds(context, referenced);
  }
  if (context.hasErrors() || !order || !startId || !references)
    return { ok: false, diagnostics: context.diagnostics };
  return { ok: true, plan: buildPlan(context, order, startId, references), diagnostics: context.diagnostics };
}

function buildPlan(
  context: CompileContext,
  order: readonly string[],
  startId: string,
  references: ReturnType<typeof checkReferences>,
): Plan {
  const toPlanEdge = ({
    edge,
    port,
  }: {
    edge: { id: string; source: string; target: string };
    port: string;
  }): PlanEdge => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    port,
  });
  const nodes = order.map((id, position) => {
    const checked = context.byId.get(id);
    const source = checked ? context.document.nodes[checked.index] : undefined;
    if (!checked || !source || !checked.kind) throw new Error(`compile: node ${id} lost`);
    const found = references.get(id);
    const node = {
      id,
      type: checked.kind as NodeKind,
      title: source.title ?? checked.definition?.label ?? id,
      config: checked.config,
      incoming: (context.incoming.get(id) ?? []).map(toPlanEdge),
      outgoing: (context.outgoing.get(id) ?? []).map(toPlanEdge),
      outputs: referenceableOutputs(checked) ?? {},
      references: found?.references ?? [],
      dependsOn: found?.dependsOn ?? [],
      order: position,
    };
    return node as PlanNode;
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const start = byId.get(startId);
  const inputs = start?.type === 'start' ? (start.config as StartConfig).inputs : [];
  return {
    document: context.document,
    mode: context.document.mode,
    nodes,
    byId,
    startId,
    inputs,
    warnings: context.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning'),
  };
}
