import { parseRunEvents, type RunEvent, type RunRecord } from '@edgeflow/api';
import type { WorkflowDocument } from '@edgeflow/graph';
import { expect, inject } from 'vitest';
import type { Env } from '../../src/env.ts';
import { adminJson, publishedAppWithKey } from './admin.ts';
import { runEndOf, runPath } from './run-stream.ts';
import { send, testEnv } from './worker.ts';

/**
 * The worker's env for tool tests: secrets can be stored, and the fake servers on 127.0.0.1 are
 * reachable (`EGRESS_ALLOW_PRIVATE`, as under `npm start`). Metadata, link-local, multicast and
 * reserved addresses stay refused even so.
 */
export const toolEnv: Env = {
  ...testEnv,
  SECRETS_MASTER_KEY: 'test-master-key-0123456789',
  EGRESS_ALLOW_PRIVATE: 'true',
};

/** A deployment's env: no private addresses at all (the default). */
export const strictEnv: Env = (() => {
  const { EGRESS_ALLOW_PRIVATE: _open, ...rest } = toolEnv;
  return rest;
})();

/** The control server (test/node/fake-model-control.ts): `/echo`, `/echoed`, `/redirect`. */
export const controlUrl = () => inject('fakeModelControlUrl');

/** One received request of the control server's `/echo`. */
export interface EchoedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** What `/echo` received so far whose path contains `marker` (every test marks its own URLs). */
export async function echoedWith(marker: string): Promise<EchoedRequest[]> {
  const response = await fetch(`${controlUrl()}/echoed`);
  const body = (await response.json()) as { echoed: EchoedRequest[] };
  return body.echoed.filter((entry) => entry.path.includes(marker));
}

/** A run of a published app, read to its end: raw SSE text, events, run-end and the stored record. */
export interface FinishedRun {
  readonly text: string;
  readonly events: RunEvent[];
  readonly end: Extract<RunEvent, { type: 'run-end' }>;
  readonly record: RunRecord;
}

/** Publishes `document` with a secret key; `run` starts a streamed run and reads it to its end. */
export async function publishedTool(document: WorkflowDocument, env: Env = toolEnv) {
  const { app, key } = await publishedAppWithKey(document);
  const run = async (inputs: Record<string, unknown> = {}): Promise<FinishedRun> => {
    const { response, settle } = await send(runPath(app.id), { token: key, env, json: { inputs } });
    expect(response.status).toBe(200);
    const text = await response.text();
    await settle();
    const events: RunEvent[] = [];
    const body = new Response(text).body;
    if (!body) throw new Error('an empty run stream');
    for await (const event of parseRunEvents(body)) events.push(event);
    const end = runEndOf(events);
    const record = await adminJson<RunRecord>(`/api/runs/${end.runId}`);
    return { text, events, end, record };
  };
  return { app, key, run };
}
