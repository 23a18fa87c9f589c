import type { NodeKind } from './catalog.ts';
import type { Diagnostic, DiagnosticCode } from './diagnostic.ts';
import type { DocumentEdge, WorkflowDocument } from './document.ts';
import type { NodeKindDefinition } from './node-kind-definition.ts';

/** A node as compile() sees it after its own checks; `config` is null when the kind or config is invalid. */
export interface CheckedNode {
  readonly index: number;
  readonly id: string;
  readonly kind: NodeKind | null;
  readonly definition: NodeKindDefinition<NodeKind, unknown> | null;
  readonly config: unknown;
  /** Valid output ports, or null when unknown (invalid config): then any port is accepted. */
  readonly ports: ReadonlySet<string> | null;
}

/** An edge that joins two existing nodes. */
export interface CheckedEdge {
  readonly index: number;
  readonly edge: DocumentEdge;
  readonly port: string;
}

/** Shared state of one compile() call. */
export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly nodes: CheckedNode[] = [];
  readonly byId = new Map<string, CheckedNode>();
  readonly edges: CheckedEdge[] = [];
  readonly incoming = new Map<string, CheckedEdge[]>();
  readonly outgoing = new Map<string, CheckedEdge[]>();

  constructor(readonly document: WorkflowDocument) {}

  report(
    code: DiagnosticCode,
    message: string,
    where: { nodeId?: string | undefined; path?: string | undefined } = {},
    severity: 'error' | 'warning' = 'error',
  ): void {
    const diagnostic: { -readonly [Key in keyof Diagnostic]: Diagnostic[Key] } = { severity, code, message };
    if (where.nodeId !== undefined) diagnostic.nodeId = where.nodeId;
    if (where.path !== undefined) diagnostic.path = where.path;
    this.diagnostics.push(diagnostic);
  }

  hasErrors(): boolean {
    return this.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  }
}
