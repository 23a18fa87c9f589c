import type { NodeKind } from '@edgeflow/graph';
import type { EventChannel } from './event-channel.ts';
import type { TokenUsage } from './ports/token-usage.ts';
import type { NodeEndEvent, RunError, RunEvent, RunStatus } from './run-event.ts';

/** Fields of a node-end besides those every event has. */
export type NodeEndFields = Omit<NodeEndEvent, 'type' | 'runId' | 'seq'>;

/** Stamps events with the run id and the next `seq`, and hands them to the channel. */
export class EventSink {
  readonly runId: string;
  readonly #channel: EventChannel<RunEvent>;
  #seq = 0;

  /** Whether run-start went out. */
  get started(): boolean {
    return this.#seq > 0;
  }

  constructor(runId: string, channel: EventChannel<RunEvent>) {
    this.runId = runId;
    this.#channel = channel;
  }

  runStart(
    appId: string | null,
    version: number | null,
    conversationId: string | undefined,
    startedAt: string,
  ): void {
    this.#seq += 1;
    this.#channel.push({
      type: 'run-start',
      runId: this.runId,
      seq: this.#seq,
      appId,
      version,
      ...(conversationId === undefined ? {} : { conversationId }),
      startedAt,
    });
  }

  nodeStart(nodeId: string, nodeType: NodeKind): void {
    this.#seq += 1;
    this.#channel.push({ type: 'node-start', runId: this.runId, seq: this.#seq, nodeId, nodeType });
  }

  textDelta(nodeId: string, delta: string): void {
    this.#seq += 1;
    this.#channel.push({ type: 'text-delta', runId: this.runId, seq: this.#seq, nodeId, delta });
  }

  nodeEnd(fields: NodeEndFields): void {
    this.#seq += 1;
    this.#channel.push({ type: 'node-end', runId: this.runId, seq: this.#seq, ...fields });
  }

  runEnd(
    status: RunStatus,
    outputs: Readonly<Record<string, unknown>>,
    error: RunError | undefined,
    usage: TokenUsage,
    elapsedMs: number,
  ): void {
    this.#seq += 1;
    this.#channel.push({
      type: 'run-end',
      runId: this.runId,
      seq: this.#seq,
      status,
      outputs,
      ...(error ? { error } : {}),
      usage,
      elapsedMs,
    });
    this.#channel.close();
  }
}
