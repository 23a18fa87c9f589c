import type { Plan } from '@edgeflow/graph';
import { expect } from 'vitest';
import {
  createEchoModel,
  type EnginePorts,
  type ModelRequest,
  type NodeEndEvent,
  type RunEndEvent,
  type RunEvent,
  type RunOptions,
  run,
} from '../src/index.ts';
import { collectEvents, createTimerClock } from '../src/testing/index.ts';

export const queryInput = { inputs: [{ name: 'query', type: 'string', required: true }] };
export const startNode = { id: 'start', type: 'start', config: queryInput } as const;

export function testPorts(overrides: Partial<EnginePorts> = {}): EnginePorts {
  return { clock: createTimerClock(), model: createEchoModel(), ...overrides };
}

export type EventOf<Type extends RunEvent['type']> = Extract<RunEvent, { type: Type }>;

export function ofType<Type extends RunEvent['type']>(
  events: readonly RunEvent[],
  type: Type,
): EventOf<Type>[] {
  return events.filter((event): event is EventOf<Type> => event.type === type);
}

export function nodeEnd(events: readonly RunEvent[], nodeId: string): NodeEndEvent {
  const found = ofType(events, 'node-end').find((event) => event.nodeId === nodeId);
  if (!found) throw new Error(`no node-end for ${nodeId}`);
  return found;
}

export function runEnd(events: readonly RunEvent[]): RunEndEvent {
  const last = events.at(-1);
  if (last?.type !== 'run-end') throw new Error(`the last event is ${last?.type}, not run-end`);
  return last;
}

export function deltas(events: readonly RunEvent[], nodeId: string): string {
  return ofType(events, 'text-delta')
    .filter((event) => event.nodeId === nodeId)
    .map((event) => event.delta)
    .join('');
}

export async function runPlan(
  plan: Plan,
  options: Partial<RunOptions> & { readonly inputs?: Readonly<Record<string, unknown>> } = {},
): Promise<RunEvent[]> {
  const events = await collectEvents(run(plan, { ports: testPorts(), ...options }));
  expectWellFormed(events);
  return events;
}

export interface Deferred<Value> {
  readonly promise: Promise<Value>;
  resolve(value: Value): void;
  reject(error: unknown): void;
}

export function deferred<Value = void>(): Deferred<Value> {
  let resolve: (value: Value) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<Value>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** The invariants every run's events hold, whatever happened in it. */
export function wellFormedProblems(events: readonly RunEvent[]): string[] {
  const problems: string[] = [];
  const first = events[0];
  if (first?.type !== 'run-start') problems.push('the first event is not run-start');
  const runId = first?.runId;
  events.forEach((event, position) => {
    if (event.seq !== position + 1) problems.push(`event ${position} has seq ${event.seq}`);
    if (event.runId !== runId) problems.push(`event ${position} has another runId`);
  });
  const ends = events.filter((event) => event.type === 'run-end');
  if (ends.length !== 1) problems.push(`${ends.length} run-end events`);
  if (events.at(-1)?.type !== 'run-end') problems.push('run-end is not last');
  const started = new Set<string>();
  const ended = new Set<string>();
  for (const event of events) {
    if (event.type === 'node-start') {
      if (started.has(event.nodeId)) problems.push(`${event.nodeId} started twice`);
      if (ended.has(event.nodeId)) problems.push(`${event.nodeId} started after it ended`);
      started.add(event.nodeId);
    } else if (event.type === 'node-end') {
      if (ended.has(event.nodeId)) problems.push(`${event.nodeId} ended twice`);
      ended.add(event.nodeId);
      if (event.status === 'skipped' && started.has(event.nodeId))
        problems.push(`${event.nodeId} started, then skipped`);
      if (event.status !== 'skipped' && !started.has(event.nodeId))
        problems.push(`${event.nodeId} ended without a start`);
    } else if (event.type === 'text-delta') {
      if (!started.has(event.nodeId) || ended.has(event.nodeId))
        problems.push(`delta of ${event.nodeId} outside its run`);
    }
  }
  for (const nodeId of started) if (!ended.has(nodeId)) problems.push(`${nodeId} started but never ended`);
  return problems;
}

export function expectWellFormed(events: readonly RunEvent[]): void {
  expect(wellFormedProblems(events)).toEqual([]);
}

/** The text of a request's first user message. */
export function promptOf(request: ModelRequest): string {
  const first = request.messages.find((message) => message.role === 'user');
  return first?.role === 'user' ? first.content : '';
}
