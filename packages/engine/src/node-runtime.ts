import type { PlanNode, ReferenceResolver } from '@edgeflow/graph';
import { raceAttempt } from './attempt-race.ts';
import type { CancelScope } from './cancel-scope.ts';
import type { NodeInfo } from './plan-index.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';
import type { TokenUsage } from './ports/token-usage.ts';
import { preparedValue, renderPrepared } from './prepared-template.ts';
import type { RunContext } from './run-context.ts';
import type { NodeAttempt } from './run-event.ts';
import { runLimitCeilings } from './run-limits.ts';

/**
 * One execution of one node: what its executor may do (render, stream text, count usage, call ports
 * under a timeout) and what the node-end event reports besides the outputs.
 */
export class NodeRuntime {
  readonly run: RunContext;
  readonly info: NodeInfo;
  readonly startedAt: number;
  /** What the node worked from, for node-end (set by the executor as soon as it knows). */
  inputs: Readonly<Record<string, unknown>> | undefined;
  usage: { inputTokens: number; outputTokens: number } | undefined;
  attempts: NodeAttempt[] | undefined;
  /** What a node had produced when it failed (e.g. the text of a broken model stream), for its trace. */
  partialOutputs: Record<string, unknown> | undefined;
  logs: readonly string[] | undefined;
  /** Set once the node did something a retry would repeat visibly (text streamed, a tool called). */
  committed = false;
  /** Everything this node emitted as text-delta, e.g. an answer's reply so far. */
  emittedText = '';
  #scope: CancelScope | undefined;

  constructor(run: RunContext, info: NodeInfo) {
    this.run = run;
    this.info = info;
    this.startedAt = run.clock.now();
  }

  get node(): PlanNode {
    return this.info.node;
  }

  get nodeId(): string {
    return this.info.node.id;
  }

  /** Aborted when the run ends; made on first use, since most nodes never call a port. */
  get scope(): CancelScope {
    if (!this.#scope) this.#scope = this.run.scope.child();
    return this.#scope;
  }

  get signal(): CancelSignal {
    return this.scope;
  }

  /** The node's own `timeoutMs` when set, else the run's node timeout; never above the ceiling. */
  get timeoutMs(): number {
    return Math.min(this.info.timeoutMs ?? this.run.limits.nodeTimeoutMs, runLimitCeilings.nodeTimeoutMs);
  }

  render(template: string, resolve: ReferenceResolver = this.run.resolve): string {
    return renderPrepared(this.run.index.template(template), resolve);
  }

  value(template: string, resolve: ReferenceResolver = this.run.resolve): unknown {
    return preparedValue(this.run.index.template(template), resolve);
  }

  /** The values a template's references stand for, keyed by reference (`{ "start.query": "…" }`). */
  referencedValues(template: string, into: Record<string, unknown> = {}): Record<string, unknown> {
    for (const reference of this.run.index.template(template).references) {
      into[reference.source] = this.run.resolve(reference);
    }
    return into;
  }

  /** Emits a text-delta under this node's id. */
  emitText(delta: string): void {
    if (delta === '') return;
    this.committed = true;
    this.emittedText += delta;
    this.run.events.textDelta(this.info.node.id, delta);
  }

  /** A model node's text as it arrives: streamed under its id when `stream`, and to forwarding answers. */
  modelDelta(delta: string, stream: boolean): void {
    if (stream) this.emitText(delta);
    if (this.info.keepsText) this.run.textStream(this.info.index)?.append(delta);
  }

  /** A new try: text buffered for answers by a failed try is dropped. */
  beginAttempt(): void {
    if (this.info.keepsText) this.run.textStream(this.info.index)?.reset();
  }

  /** Whether another try would repeat something the caller already saw. */
  get retryBlocked(): boolean {
    if (this.committed) return true;
    return this.info.keepsText && this.run.textStream(this.info.index)?.delivered === true;
  }

  addUsage(usage: TokenUsage): void {
    const inputTokens = Number.isFinite(usage.inputTokens) ? Math.max(0, usage.inputTokens) : 0;
    const outputTokens = Number.isFinite(usage.outputTokens) ? Math.max(0, usage.outputTokens) : 0;
    if (this.usage) {
      this.usage.inputTokens += inputTokens;
      this.usage.outputTokens += outputTokens;
    } else {
      this.usage = { inputTokens, outputTokens };
    }
    this.run.addUsage(this.info.index, { inputTokens, outputTokens });
  }

  /** One try of port work under the node's timeout; see raceAttempt. */
  attempt<Value>(work: (signal: CancelSignal) => Promise<Value>): Promise<Value> {
    return raceAttempt(this.run.deadlines, this.scope, this.timeoutMs, work);
  }

  /** Waits (retry backoff); returns early when the run ends. A clock that rejects is treated as woken. */
  sleep(ms: number): Promise<void> {
    return this.run.clock.sleep(ms, this.scope).catch(() => undefined);
  }

  /** Loads the secrets these templates use, before rendering them. */
  async loadSecrets(templates: readonly string[]): Promise<void> {
    const names: string[] = [];
    for (const template of templates) {
      for (const name of this.run.index.template(template).secretNames)
        if (!names.includes(name)) names.push(name);
    }
    if (names.length === 0) return;
    await this.run.vault.load(names, this.run.ports.secrets);
  }

  /** The number the next recorded try gets (tries of the engine and of ports share one count). */
  nextAttemptNumber(): number {
    return (this.attempts?.length ?? 0) + 1;
  }

  recordAttempt(attempt: NodeAttempt): void {
    if (this.attempts) this.attempts.push(attempt);
    else this.attempts = [attempt];
  }

  /** A try succeeded: worth recording only after failed ones (node-end reports tries only then). */
  recordSuccess(number: number, model: string | undefined, elapsedMs: number): void {
    if (!this.attempts) return;
    this.attempts.push(
      model === undefined
        ? { number, status: 'succeeded', elapsedMs }
        : { number, model, status: 'succeeded', elapsedMs },
    );
  }

  /** The node is over: its scope leaves the run's. */
  dispose(): void {
    this.#scope?.dispose();
  }
}
