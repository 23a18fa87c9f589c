import type { Plan } from '@edgeflow/graph';
import { CancelScope } from './cancel-scope.ts';
import type { ChatTurn } from './chat-history.ts';
import { EventChannel } from './event-channel.ts';
import { EventSink } from './event-sink.ts';
import { indexPlan } from './plan-index.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';
import type { EnginePorts } from './ports/engine-ports.ts';
import { RunContext } from './run-context.ts';
import type { RunEvent } from './run-event.ts';
import { type RunLimits, resolveRunLimits } from './run-limits.ts';
import { Scheduler } from './scheduler.ts';

export interface RunOptions {
  /** The caller's inputs, best checked first with `validateInputs` (the start node fails on bad ones). */
  readonly inputs?: Readonly<Record<string, unknown>> | undefined;
  readonly ports: EnginePorts;
  /** Missing limits take their defaults; every limit is capped at its ceiling. */
  readonly limits?: Partial<Record<keyof RunLimits, number | undefined>> | undefined;
  /** Aborting it ends the run as `cancelled`. */
  readonly signal?: CancelSignal | undefined;
  readonly runId?: string | undefined;
  readonly appId?: string | undefined;
  readonly version?: number | undefined;
  readonly conversationId?: string | undefined;
  /** Earlier turns of the conversation, oldest first; model nodes with `memory.turns` see the last ones. */
  readonly history?: readonly ChatTurn[] | undefined;
}

function newRunId(now: number): string {
  return `run_${Math.floor(now).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function startRun(plan: Plan, options: RunOptions, channel: EventChannel<RunEvent>): Scheduler | undefined {
  const clock = options.ports.clock;
  const startedAt = clock.now();
  const runId = options.runId ?? newRunId(startedAt);
  const events = new EventSink(runId, channel);
  try {
    return schedule(plan, options, events, startedAt);
  } catch (error) {
    // Only a plan that did not come from compile() gets here; the caller still gets a proper end.
    if (!events.started)
      events.runStart(
        options.appId ?? null,
        options.version ?? null,
        options.conversationId,
        new Date(startedAt).toISOString(),
      );
    const message = error instanceof Error ? error.message : 'The run could not start.';
    events.runEnd('failed', {}, { code: 'internal_error', message }, { inputTokens: 0, outputTokens: 0 }, 0);
    return undefined;
  }
}

function schedule(plan: Plan, options: RunOptions, events: EventSink, startedAt: number): Scheduler {
  let scheduler: Scheduler | undefined;
  const context = new RunContext({
    runId: events.runId,
    index: indexPlan(plan),
    ports: options.ports,
    limits: resolveRunLimits(options.limits),
    history: options.history ?? [],
    conversationId: options.conversationId,
    inputs: options.inputs,
    events,
    scope: new CancelScope(),
    startedAt,
    failRun: (error, culprit) => scheduler?.fail(error, culprit),
  });
  scheduler = new Scheduler(context, options.signal);
  scheduler.start(new Date(startedAt).toISOString(), options.appId ?? null, options.version ?? null);
  return scheduler;
}

/** A run's events; `takeQueued` hands over the events that are already waiting, without a promise each. */
export interface RunEvents extends AsyncIterableIterator<RunEvent> {
  takeQueued(): RunEvent[];
}

/**
 * Runs a compiled plan and yields its events as they happen: run-start, node-start, text-delta,
 * node-end, and always run-end last. The run starts when the first event is pulled; stopping early
 * (`break`) cancels it. Events are never held back waiting for the reader.
 * @example for await (const event of run(plan, { inputs: { query: 'hi' }, ports })) send(event);
 */
export function run(plan: Plan, options: RunOptions): RunEvents {
  let scheduler: Scheduler | undefined;
  const channel: EventChannel<RunEvent> = new EventChannel<RunEvent>(
    () => {
      scheduler = startRun(plan, options, channel);
    },
    () => scheduler?.cancel('The caller stopped reading the run’s events.'),
  );
  return channel;
}
