import type { Diagnostic, WorkflowDocument } from '@edgeflow/graph';

/** A diagnostic as the editor places it: on a node, and on a field of its config when it names one. */
export interface PlacedDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** The node it belongs to, or null for document-wide problems. */
  readonly nodeId: string | null;
  /** Pointer inside the node's config (`/prompt`, `/cases/0/rules/1/left`), or '' for the node itself. */
  readonly field: string;
  readonly edgeId: string | null;
}

/** A compile() diagnostic, or one as the API sends it (any code). */
export interface DiagnosticLike {
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly message: string;
  readonly nodeId?: string | undefined;
  readonly path?: string | undefined;
}

/** Places each diagnostic on its node and config field, resolving `/nodes/N/…` and `/edges/N/…` pointers. */
export function placeDiagnostics(
  document: WorkflowDocument,
  diagnostics: readonly DiagnosticLike[],
): PlacedDiagnostic[] {
  return diagnostics.map((diagnostic) => {
    const path = diagnostic.path ?? '';
    const nodeMatch = /^\/nodes\/(\d+)(?:\/config(\/.*)?)?/.exec(path);
    const edgeMatch = /^\/edges\/(\d+)/.exec(path);
    const nodeFromPath = nodeMatch ? document.nodes[Number(nodeMatch[1])]?.id : undefined;
    const edgeId = edgeMatch ? (document.edges[Number(edgeMatch[1])]?.id ?? null) : null;
    return {
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
      nodeId: diagnostic.nodeId ?? nodeFromPath ?? null,
      field: nodeMatch?.[2] ?? '',
      edgeId,
    };
  });
}

/** Diagnostics grouped by node id (document-wide ones under ''). */
export function diagnosticsByNode(placed: readonly PlacedDiagnostic[]): Map<string, PlacedDiagnostic[]> {
  const grouped = new Map<string, PlacedDiagnostic[]>();
  for (const entry of placed) {
    const key = entry.nodeId ?? '';
    const list = grouped.get(key);
    if (list) list.push(entry);
    else grouped.set(key, [entry]);
  }
  return grouped;
}

/** The diagnostics of a node that concern one config field or anything inside it. */
export function fieldDiagnostics(placed: readonly PlacedDiagnostic[], field: string): PlacedDiagnostic[] {
  return placed.filter((entry) => entry.field === field || entry.field.startsWith(`${field}/`));
}
