import type { NodeConfig, NodeKind } from './catalog.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { WorkflowDocument, WorkflowMode } from './document.ts';
import type { StartInput } from './kinds/start.ts';
import type { ConfigReference } from './template-reference.ts';
import type { ValueType } from './value-type.ts';

/** An edge of a compiled plan; `port` is the source's output port (`out` unless the source branches). */
export interface PlanEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly port: string;
}

/** A node of a compiled plan: its config is parsed, defaults filled, references found. */
export interface PlanNodeOf<Kind extends NodeKind> {
  readonly id: string;
  readonly type: Kind;
  readonly title: string;
  readonly config: NodeConfig<Kind>;
  readonly incoming: readonly PlanEdge[];
  readonly outgoing: readonly PlanEdge[];
  /** Typed outputs other nodes may reference. */
  readonly outputs: Readonly<Record<string, ValueType>>;
  /** Every `{{…}}` in the config, with the pointer (relative to config) of the string holding it. */
  readonly references: readonly ConfigReference[];
  /** Ids of the nodes whose outputs this node references (upstream by construction). */
  readonly dependsOn: readonly string[];
  /** Position in the plan's topological order. */
  readonly order: number;
}

/** A plan node of any kind; switch on `type` to narrow `config`. */
export type PlanNode = { [Kind in NodeKind]: PlanNodeOf<Kind> }[NodeKind];

/** What compile() returns for a valid document: everything the engine needs, computed once. */
export interface Plan {
  readonly document: WorkflowDocument;
  readonly mode: WorkflowMode;
  /** Nodes in topological order (start first). */
  readonly nodes: readonly PlanNode[];
  readonly byId: ReadonlyMap<string, PlanNode>;
  readonly startId: string;
  readonly inputs: readonly StartInput[];
  /** Warnings that did not stop compilation. */
  readonly warnings: readonly Diagnostic[];
}

export type CompileResult =
  | { readonly ok: true; readonly plan: Plan; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
