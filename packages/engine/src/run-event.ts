import type { NodeKind } from '@edgeflow/graph';
import type { TokenUsage } from './ports/token-usage.ts';

/** `{ code, message }` of a failed node or run; `nodeId` names the node that ended the run. */
export interface RunError {
  readonly code: string;
  readonly message: string;
  readonly nodeId?: string;
}

export type NodeStatus = 'succeeded' | 'failed' | 'skipped';
export type RunStatus = 'succeeded' | 'failed' | 'cancelled';

interface RunEventBase {
  readonly runId: string;
  /** Counts from 1 within the run. */
  readonly seq: number;
}

export interface RunStartEvent extends RunEventBase {
  readonly type: 'run-start';
  /** Null for runs that belong to no app (tests, scripts). */
  readonly appId: string | null;
  /** The published version run, null for a draft. */
  readonly version: number | null;
  readonly conversationId?: string;
  /** ISO time, from the clock port. */
  readonly startedAt: string;
}

export interface NodeStartEvent extends RunEventBase {
  readonly type: 'node-start';
  readonly nodeId: string;
  readonly nodeType: NodeKind;
}

/** A piece of streamed text: an answer's reply, or the text of a model node marked `stream`. */
export interface TextDeltaEvent extends RunEventBase {
  readonly type: 'text-delta';
  readonly nodeId: string;
  readonly delta: string;
}

/** One try of a node that was retried or fell back to another model. */
export interface NodeAttempt {
  /** From 1, across models. */
  readonly number: number;
  readonly model?: string;
  readonly status: 'succeeded' | 'failed';
  readonly error?: RunError;
  readonly elapsedMs: number;
}

export interface NodeEndEvent extends RunEventBase {
  readonly type: 'node-end';
  readonly nodeId: string;
  readonly nodeType: NodeKind;
  /**
   * A failure handled by `onError: "continue"` or `"route"` ends as `succeeded`, with `error` set and
   * `outputs.error` holding the same `{ code, message }`.
   */
  readonly status: NodeStatus;
  readonly outputs?: Readonly<Record<string, unknown>>;
  readonly error?: RunError;
  readonly elapsedMs: number;
  readonly usage?: TokenUsage;
  /** What the node worked from after templating (prompts, the request sent, …), secrets masked. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** The output port taken (`out`, a case or class id, `else`, `error`); absent when skipped. */
  readonly port?: string;
  /** ISO time the node started; absent when skipped. */
  readonly startedAt?: string;
  /** Present only when the node was tried more than once. */
  readonly attempts?: readonly NodeAttempt[];
  /** Lines the code node's program logged. */
  readonly logs?: readonly string[];
}

export interface RunEndEvent extends RunEventBase {
  readonly type: 'run-end';
  readonly status: RunStatus;
  /** Chat apps: `{ answer }`; workflow apps: the end node's outputs. */
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly error?: RunError;
  readonly usage: TokenUsage;
  readonly elapsedMs: number;
}

/** What `run()` yields, in the order things happen; `run-end` is always last. */
export type RunEvent = RunStartEvent | NodeStartEvent | TextDeltaEvent | NodeEndEvent | RunEndEvent;
export type RunEventType = RunEvent['type'];
