import type { Plan, ReferenceResolver, TemplateReference } from '@edgeflow/graph';
import { resolvePath } from '@edgeflow/graph';
import type { CancelScope } from './cancel-scope.ts';
import type { ChatTurn } from './chat-history.ts';
import { Deadlines } from './deadlines.ts';
import type { EventSink } from './event-sink.ts';
import type { PlanIndex } from './plan-index.ts';
import type { Clock } from './ports/clock.ts';
import type { EnginePorts } from './ports/engine-ports.ts';
import type { TokenUsage } from './ports/token-usage.ts';
import type { RunError } from './run-event.ts';
import type { RunLimits } from './run-limits.ts';
import { SecretVault } from './secret-vault.ts';
import { TextStream } from './text-stream.ts';

export interface RunSettings {
  readonly runId: string;
  readonly index: PlanIndex;
  readonly ports: EnginePorts;
  readonly limits: RunLimits;
  readonly history: readonly ChatTurn[];
  readonly conversationId: string | undefined;
  readonly inputs: unknown;
  readonly events: EventSink;
  readonly scope: CancelScope;
  /** Clock time the run started. */
  readonly startedAt: number;
  /** Ends the run at once: a run-wide limit was hit while `culprit` ran. */
  readonly failRun: (error: RunError, culprit: number) => void;
}

/** What every node of one run shares: settings, outputs so far, usage, secrets, live text. */
export class RunContext {
  readonly runId: string;
  readonly plan: Plan;
  readonly index: PlanIndex;
  readonly ports: EnginePorts;
  readonly clock: Clock;
  readonly limits: RunLimits;
  readonly history: readonly ChatTurn[];
  readonly conversationId: string | undefined;
  readonly inputs: unknown;
  readonly events: EventSink;
  /** Aborted when the run ends, whatever the reason; every node's scope is a child. */
  readonly scope: CancelScope;
  readonly vault = new SecretVault();
  /** Node timeouts, on one timer. */
  readonly deadlines: Deadlines;
  readonly startedAt: number;
  /** Outputs of finished nodes by plan index (undefined until then, and for skipped nodes). */
  readonly outputs: (Readonly<Record<string, unknown>> | undefined)[];
  /** 1 once a node has its final status. */
  readonly resolved: Uint8Array;
  readonly usage = { inputTokens: 0, outputTokens: 0 };
  /** Resolves node outputs and `sys.*`; never secrets (see requestResolver). */
  readonly resolve: ReferenceResolver;
  readonly #failRun: (error: RunError, culprit: number) => void;
  readonly #waiters: ((() => void)[] | undefined)[] = [];
  readonly #streams: (TextStream | undefined)[] = [];

  constructor(settings: RunSettings) {
    this.runId = settings.runId;
    this.index = settings.index;
    this.plan = settings.index.plan;
    this.ports = settings.ports;
    this.clock = settings.ports.clock;
    this.limits = settings.limits;
    this.history = settings.history;
    this.conversationId = settings.conversationId;
    this.inputs = settings.inputs;
    this.events = settings.events;
    this.scope = settings.scope;
    this.#failRun = settings.failRun;
    this.deadlines = new Deadlines(this.clock, this.scope);
    this.startedAt = settings.startedAt;
    const count = this.plan.nodes.length;
    this.outputs = new Array<Readonly<Record<string, unknown>> | undefined>(count);
    this.resolved = new Uint8Array(count);
    this.resolve = (reference) => this.#resolve(reference);
  }

  /**
   * The resolver of an outbound request (http node, agent tool): it also knows loaded secrets and the
   * tool's `{{args.*}}`. Only request templates get it, so a secret can never be rendered into a prompt.
   */
  requestResolver(args?: unknown): ReferenceResolver {
    return (reference) => {
      if (reference.root === 'args') return resolvePath(args, reference.path);
      if (reference.root !== 'secrets') return this.#resolve(reference);
      const [name, ...rest] = reference.path;
      return typeof name === 'string' && rest.length === 0 ? this.vault.get(name) : undefined;
    };
  }

  #resolve(reference: TemplateReference): unknown {
    const nodeIndex = this.index.indexById.get(reference.root);
    if (nodeIndex !== undefined) return resolvePath(this.outputs[nodeIndex], reference.path);
    const [field, ...rest] = reference.path;
    if (reference.root !== 'sys' || typeof field !== 'string' || rest.length > 0) return undefined;
    return this.#system(field);
  }

  #system(field: string): string | undefined {
    if (field === 'runId') return this.runId;
    if (field === 'conversationId') return this.conversationId ?? '';
    if (field === 'now') return new Date(this.clock.now()).toISOString();
    return undefined;
  }

  /** Called by the scheduler once a node has its final status. */
  markResolved(nodeIndex: number): void {
    this.resolved[nodeIndex] = 1;
    const waiters = this.#waiters[nodeIndex];
    if (!waiters) return;
    this.#waiters[nodeIndex] = undefined;
    for (const waiter of waiters) waiter();
  }

  /** Resolves once the node has its final status (at once if it has). */
  waitFor(nodeIndex: number): Promise<void> {
    if (this.resolved[nodeIndex] === 1) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.#waiters[nodeIndex];
      if (waiters) waiters.push(resolve);
      else this.#waiters[nodeIndex] = [resolve];
    });
  }

  /** The live text of an llm/agent node that an answer forwards; undefined for any other node. */
  textStream(nodeIndex: number): TextStream | undefined {
    if (this.index.nodes[nodeIndex]?.keepsText !== true) return undefined;
    let stream = this.#streams[nodeIndex];
    if (!stream) {
      stream = new TextStream();
      this.#streams[nodeIndex] = stream;
    }
    return stream;
  }

  /** Adds a model call's usage to the run; past `maxTokens` the run fails at once. */
  addUsage(nodeIndex: number, usage: TokenUsage): void {
    this.usage.inputTokens += finiteTokens(usage.inputTokens);
    this.usage.outputTokens += finiteTokens(usage.outputTokens);
    if (this.usage.inputTokens + this.usage.outputTokens <= this.limits.maxTokens) return;
    const nodeId = this.plan.nodes[nodeIndex]?.id;
    this.#failRun(
      {
        code: 'token_limit_exceeded',
        message: `The run used more than its limit of ${this.limits.maxTokens} tokens.`,
        ...(nodeId === undefined ? {} : { nodeId }),
      },
      nodeIndex,
    );
  }
}

export function finiteTokens(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
