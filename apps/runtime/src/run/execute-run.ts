import { type ConversationOwner, createRunWrites, type Database, newId, type RunSource } from '@edgeflow/db';
import { type ChatTurn, type RunEvent, run } from '@edgeflow/engine';
import type { Plan } from '@edgeflow/graph';
import type { Env } from '../env.ts';
import { type AppEgressSettings, createPorts } from '../ports/create-ports.ts';
import { noteDailyUsage } from './daily-budget.ts';
import { eventStreamResponse } from './event-stream.ts';
import { RunRecorder } from './run-recorder.ts';
import { type QueuedWrite, writeQueue } from './write-queue.ts';

/** Everything a run needs, resolved by the route (auth, app, plan, validated inputs, conversation). */
export interface RunSpec {
  readonly env: Env;
  readonly db: Database;
  readonly waitUntil: (work: Promise<unknown>) => void;
  readonly appId: string;
  readonly version: number | null;
  readonly plan: Plan;
  readonly source: RunSource;
  readonly keyId: string | null;
  readonly inputs: Record<string, unknown>;
  /** Chat apps: the conversation to continue (`isNew` when this run creates it), with its history. */
  readonly conversation: {
    readonly id: string;
    readonly isNew: boolean;
    readonly owner: ConversationOwner;
    readonly history: readonly ChatTurn[];
  } | null;
  readonly stream: boolean;
  /** The app's settings (egress allow/deny lists). */
  readonly settings: Record<string, unknown>;
  /** History given by the caller when there is no stored conversation (the OpenAI endpoint). */
  readonly history?: readonly ChatTurn[];
  /** Answers the run in another format than run events (the OpenAI endpoint). */
  readonly respond?: (run: RunHandle) => Response | Promise<Response>;
}

/** A started run as `RunSpec.respond` gets it: pumping it runs it, records it and feeds `send`. */
export interface RunHandle {
  readonly runId: string;
  readonly startedAt: number;
  readonly recorder: RunRecorder;
  readonly pump: (send: (event: RunEvent) => void) => Promise<void>;
}

/**
 * Runs a plan for a caller. Persistence stays off the token path: the run's first write (with a new
 * conversation) is started, not awaited; all steps, the final status and the conversation's new
 * messages go in one `db.batch` after the run ends, kept alive by `waitUntil`. Two D1 round trips per
 * run at most, whatever the number of nodes; fewer under load, when runs in flight together share
 * batches (write-queue.ts). A caller that disconnects does not stop the run.
 */
export async function executeRun(spec: RunSpec): Promise<Response> {
  const runId = newId('run');
  const startedAt = Date.now();
  const writes = createRunWrites(spec.db.$client);
  const conversation = spec.conversation;
  const queue = writeQueue(spec.db.$client);
  // Deferred by one macrotask: the engine's first model request leaves before the CPU work of
  // building and sending the start write, which is off the token path by design.
  const started = new Promise<QueuedWrite>((resolve) => {
    setTimeout(() => {
      const statements = writes.start(
        {
          id: runId,
          appId: spec.appId,
          version: spec.version,
          source: spec.source,
          keyId: spec.keyId,
          conversationId: conversation?.id ?? null,
          inputs: spec.inputs,
          startedAt,
        },
        conversation?.isNew ? { appId: spec.appId, owner: conversation.owner } : undefined,
      );
      const { write, done } = queue.write(statements);
      void done.then(() => resolve(write));
    }, 0);
  });

  const recorder = new RunRecorder(startedAt);
  const events = run(spec.plan, {
    inputs: spec.inputs,
    ports: createPorts(spec.env, spec.settings as AppEgressSettings),
    runId,
    appId: spec.appId,
    version: spec.version ?? undefined,
    conversationId: conversation?.id,
    history: conversation?.history ?? spec.history,
  });

  const finish = async () => {
    const end = recorder.result();
    const statements = writes.end(runId, end, recorder.steps);
    statements.push(writes.usage(spec.appId, end));
    const query = spec.inputs.query;
    if (conversation && end.status === 'succeeded' && typeof query === 'string') {
      statements.push(...writes.append(conversation.id, runId, query, String(end.outputs.answer ?? '')));
    }
    const start = await started;
    if (start.state === 'failed') {
      console.error(`run ${runId}: recording the start failed: ${String(start.error)}`);
      return;
    }
    const { write, done } = queue.write(statements);
    await done;
    if (write.state === 'failed') throw write.error;
    noteDailyUsage(spec.appId, end);
  };

  const deliver = (send: (event: RunEvent) => void, event: RunEvent) => {
    recorder.observe(event);
    send(event);
  };
  const pump = async (send: (event: RunEvent) => void) => {
    try {
      // Events that are already waiting are sent in the same turn, so a stream can write a burst
      // (one node's end, the next one's start) as one piece (event-stream.ts).
      for (let next = await events.next(); !next.done; next = await events.next()) {
        deliver(send, next.value);
        for (const event of events.takeQueued()) deliver(send, event);
      }
    } catch (error) {
      await events.return?.();
      throw error;
    } finally {
      await finish().catch((error: unknown) =>
        console.error(`run ${runId}: recording the end failed: ${String(error)}`),
      );
    }
  };

  if (spec.respond) return spec.respond({ runId, startedAt, recorder, pump });
  if (spec.stream) {
    const { response, done } = eventStreamResponse(pump);
    spec.waitUntil(done);
    return response;
  }
  await pump(() => undefined);
  const end = recorder.result();
  return Response.json({
    runId,
    status: end.status,
    outputs: end.outputs,
    usage: end.usage,
    elapsedMs: end.elapsedMs,
    ...(end.error ? { error: end.error } : {}),
    ...(conversation ? { conversationId: conversation.id } : {}),
  });
}
