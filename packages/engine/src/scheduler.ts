import { defaultPort, errorPort, type NodeKind } from '@edgeflow/graph';
import { elapsedSince } from './elapsed.ts';
import { type Executor, executors, type NodeResult } from './executors/index.ts';
import { type NodeOutcomeFields, nodeEndFields } from './node-end-fields.ts';
import { cancelledError, type NodeError, toNodeError } from './node-error.ts';
import { NodeRuntime } from './node-runtime.ts';
import type { NodeInfo } from './plan-index.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';
import type { RunContext } from './run-context.ts';
import type { NodeStatus, RunError, RunStatus } from './run-event.ts';
import { runOutputs } from './run-outputs.ts';

const pending = 0;
const running = 1;
/** An answer started early whose text is complete while some incoming edge is still unresolved. */
const parked = 2;
const done = 3;

type Outcome =
  | { readonly ok: true; readonly result: NodeResult }
  | { readonly ok: false; readonly error: NodeError };

/**
 * Walks the plan: a node starts when all its incoming edges are resolved and one is live, and is
 * skipped when all are dead; independent nodes run concurrently. Answer nodes start as soon as they
 * are certain to run, so they can stream while their inputs are produced: a node is certain once it
 * has started or has a live incoming edge, and certainty flows on along `out` edges of nodes that
 * always take `out` (non-branching, no error routing). A certain node can no longer be skipped; it
 * either runs or the run fails first. Every started node gets a node-end, and run-end comes last.
 */
export class Scheduler {
  readonly #run: RunContext;
  readonly #nodes: readonly NodeInfo[];
  readonly #signal: CancelSignal | undefined;
  readonly #remaining: Int32Array;
  readonly #live: Int32Array;
  readonly #state: Uint8Array;
  readonly #certain: Uint8Array;
  readonly #runtimes: (NodeRuntime | undefined)[];
  readonly #parked: (NodeResult | undefined)[] = [];
  /** Nodes whose incoming edges changed, in the order that happened (FIFO from `#head`). */
  #queue: number[] = [];
  #head = 0;
  /** Answers that became certain; considered once the queue is empty, so they start after their producers. */
  #early: number[] = [];
  #pumping = false;
  #steps = 0;
  #unresolved: number;
  #ended = false;
  readonly #onAbort = (): void => this.cancel('The run was cancelled.');

  constructor(run: RunContext, signal: CancelSignal | undefined) {
    this.#run = run;
    this.#nodes = run.index.nodes;
    this.#signal = signal;
    const count = this.#nodes.length;
    this.#remaining = new Int32Array(count);
    this.#live = new Int32Array(count);
    this.#state = new Uint8Array(count);
    this.#certain = new Uint8Array(count);
    this.#runtimes = new Array<NodeRuntime | undefined>(count);
    this.#unresolved = count;
    for (const info of this.#nodes) this.#remaining[info.index] = info.incomingCount;
  }

  start(startedAt: string, appId: string | null, version: number | null): void {
    const run = this.#run;
    run.events.runStart(appId, version, run.conversationId, startedAt);
    if (this.#signal?.aborted) {
      this.cancel('The run was cancelled before it started.');
      return;
    }
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
    const timer = run.scope.child();
    run.clock.sleep(run.limits.wallTimeMs, timer).then(
      () => {
        if (timer.aborted) return;
        this.#endRun('failed', {
          code: 'wall_time_exceeded',
          message: `The run did not finish within its limit of ${run.limits.wallTimeMs} ms.`,
        });
      },
      () => undefined,
    );
    for (const info of this.#nodes) {
      if (info.incomingCount > 0) continue;
      // The start node runs; any other node without incoming edges can never be reached.
      if (info.index === run.index.startIndex) this.#live[info.index] = 1;
      this.#queue.push(info.index);
    }
    if (this.#nodes.length === 0) this.#endRun('succeeded');
    this.#pump();
  }

  /** Ends the run as cancelled (the caller's signal, or the caller stopped reading). */
  cancel(message: string): void {
    this.#endRun('cancelled', { code: 'cancelled', message });
  }

  /** Ends the run as failed because of a run-wide limit hit while `culprit` ran. */
  fail(error: RunError, culprit: number): void {
    this.#endRun('failed', error, culprit);
  }

  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (!this.#ended) {
        let next: number | undefined;
        if (this.#head < this.#queue.length) {
          next = this.#queue[this.#head];
          this.#head += 1;
        } else {
          next = this.#early.shift();
        }
        if (next === undefined) break;
        this.#consider(next);
      }
    } catch (error) {
      // A bug must still end the run properly rather than leave the caller waiting.
      const failure = toNodeError(error, 'internal_error');
      this.#endRun('failed', { code: 'internal_error', message: failure.message });
    } finally {
      this.#pumping = false;
      if (this.#head >= this.#queue.length) {
        this.#queue.length = 0;
        this.#head = 0;
      }
    }
  }

  #consider(index: number): void {
    const state = this.#state[index];
    if (state === pending) {
      if (this.#remaining[index] === 0) {
        if ((this.#live[index] ?? 0) > 0) this.#startNode(index);
        else this.#skip(index);
      } else if (this.#certain[index] === 1 && this.#nodes[index]?.node.type === 'answer') {
        this.#startNode(index);
      }
    } else if (state === parked && this.#remaining[index] === 0) {
      const runtime = this.#runtimes[index];
      const result = this.#parked[index];
      this.#parked[index] = undefined;
      if (runtime && result) this.#finish(index, runtime, { ok: true, result });
    }
  }

  #startNode(index: number): void {
    const run = this.#run;
    const info = this.#nodes[index];
    if (!info) return;
    if (this.#steps >= run.limits.maxSteps) {
      this.#endRun('failed', {
        code: 'step_limit_exceeded',
        message: `The run reached its limit of ${run.limits.maxSteps} steps.`,
        nodeId: info.node.id,
      });
      return;
    }
    this.#steps += 1;
    this.#state[index] = running;
    const runtime = new NodeRuntime(run, info);
    this.#runtimes[index] = runtime;
    run.events.nodeStart(info.node.id, info.node.type);
    if (info.leadsToAnswer) this.#markCertain(index);
    let result: NodeResult | Promise<NodeResult>;
    try {
      // The executor of the node's own kind; TypeScript cannot tie the two unions together.
      result = (executors[info.node.type] as Executor<NodeKind>)(info.node, runtime);
    } catch (error) {
      this.#complete(index, runtime, { ok: false, error: toNodeError(error, 'internal_error') });
      return;
    }
    if (result instanceof Promise) {
      result.then(
        (value) => this.#settle(index, runtime, { ok: true, result: value }),
        (error: unknown) =>
          this.#settle(index, runtime, { ok: false, error: toNodeError(error, 'internal_error') }),
      );
    } else {
      this.#complete(index, runtime, { ok: true, result });
    }
  }

  /** An asynchronous node finished: record it, then run whatever became ready. */
  #settle(index: number, runtime: NodeRuntime, outcome: Outcome): void {
    try {
      this.#complete(index, runtime, outcome);
    } catch (error) {
      const failure = toNodeError(error, 'internal_error');
      this.#endRun('failed', { code: 'internal_error', message: failure.message });
    }
    this.#pump();
  }

  #complete(index: number, runtime: NodeRuntime, outcome: Outcome): void {
    if (this.#ended || this.#runtimes[index] !== runtime || this.#state[index] !== running) return;
    if (outcome.ok && (this.#remaining[index] ?? 0) > 0) {
      this.#state[index] = parked;
      this.#parked[index] = outcome.result;
      return;
    }
    this.#finish(index, runtime, outcome);
  }

  #finish(index: number, runtime: NodeRuntime, outcome: Outcome): void {
    const info = runtime.info;
    const run = this.#run;
    this.#runtimes[index] = undefined;
    runtime.dispose();
    if (outcome.ok) {
      // Every node's, not only those that used a secret: a service may reflect a secret back to a
      // later request that carries none (masking is a no-op until the run loaded a secret).
      const outputs = run.vault.mask(outcome.result.outputs);
      const port = outcome.result.port ?? defaultPort;
      run.outputs[index] = outputs;
      this.#nodeEnd(runtime, 'succeeded', { outputs, port });
      this.#resolve(index, port);
      return;
    }
    const error = { code: outcome.error.code, message: run.vault.maskText(outcome.error.message) };
    if (info.onError === 'fail') {
      this.#nodeEnd(runtime, 'failed', { error });
      this.#endRun('failed', { ...error, nodeId: info.node.id });
      return;
    }
    // Handled: `route` takes only the error port; `continue` takes `out` (a classifier picked no class).
    const port = info.onError === 'route' ? errorPort : info.branching ? null : defaultPort;
    const outputs = { error };
    run.outputs[index] = outputs;
    this.#nodeEnd(runtime, 'succeeded', { outputs, error, ...(port === null ? {} : { port }) });
    this.#resolve(index, port);
  }

  #nodeEnd(runtime: NodeRuntime, status: NodeStatus, outcome: NodeOutcomeFields): void {
    this.#run.events.nodeEnd(nodeEndFields(this.#run, runtime, status, outcome));
  }

  #skip(index: number): void {
    const info = this.#nodes[index];
    if (!info) return;
    this.#state[index] = done;
    this.#run.events.nodeEnd({
      nodeId: info.node.id,
      nodeType: info.node.type,
      status: 'skipped',
      elapsedMs: 0,
    });
    this.#resolve(index, null);
  }

  /** The node has its final status and took `port` (null: none); its edges resolve accordingly. */
  #resolve(index: number, port: string | null): void {
    this.#state[index] = done;
    this.#run.markResolved(index);
    this.#unresolved -= 1;
    const info = this.#nodes[index];
    if (info) {
      const { targets, ports } = info;
      for (let edge = 0; edge < targets.length; edge += 1) {
        const target = targets[edge] as number;
        const remaining = (this.#remaining[target] ?? 0) - 1;
        this.#remaining[target] = remaining;
        if (port !== null && ports[edge] === port) {
          this.#live[target] = (this.#live[target] ?? 0) + 1;
          if (this.#nodes[target]?.leadsToAnswer) this.#markCertain(target);
        }
        if (remaining === 0) this.#queue.push(target);
      }
    }
    if (this.#unresolved === 0) this.#endRun('succeeded');
  }

  #markCertain(index: number): void {
    const stack = [index];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (this.#certain[next] === 1) continue;
      this.#certain[next] = 1;
      const info = this.#nodes[next];
      if (!info) continue;
      if (info.node.type === 'answer' && this.#state[next] === pending && (this.#remaining[next] ?? 0) > 0) {
        this.#early.push(next);
      }
      for (const target of info.certainTargets) {
        if (this.#certain[target] !== 1 && this.#nodes[target]?.leadsToAnswer) stack.push(target);
      }
    }
  }

  #endRun(status: RunStatus, error?: RunError, culprit?: number): void {
    if (this.#ended) return;
    this.#ended = true;
    const run = this.#run;
    this.#queue = [];
    this.#head = 0;
    this.#early = [];
    run.scope.abort(cancelledError());
    this.#signal?.removeEventListener('abort', this.#onAbort);
    const outputs = runOutputs(run, this.#runtimes);
    const cancelled = { code: 'cancelled', message: 'The run ended before this node finished.' };
    for (let index = 0; index < this.#runtimes.length; index += 1) {
      const runtime = this.#runtimes[index];
      if (!runtime) continue;
      this.#runtimes[index] = undefined;
      runtime.dispose();
      const reason = index === culprit && error ? { code: error.code, message: error.message } : cancelled;
      this.#nodeEnd(runtime, 'failed', { error: reason });
    }
    const usage = { inputTokens: run.usage.inputTokens, outputTokens: run.usage.outputTokens };
    run.events.runEnd(status, outputs, error, usage, elapsedSince(run.clock.now(), run.startedAt));
  }
}
