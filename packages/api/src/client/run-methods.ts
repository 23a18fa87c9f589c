import type { RunEvent } from '../schemas/run-event.ts';
import { type RunList, type RunRecord, runListSchema, runRecordSchema } from '../schemas/run-record.ts';
import type { RunRequest } from '../schemas/run-request.ts';
import { type RunResult, runResultSchema } from '../schemas/run-result.ts';
import { parseRunEvents } from '../sse/parse-run-events.ts';
import { path } from './path.ts';
import type { RequestOptions, Transport } from './transport.ts';

/** Run events as they happen; the request starts on the first `next()`, `return()` hangs up. */
export type RunEventStream = AsyncGenerator<RunEvent, void, undefined>;
export type StreamingRunRequest = RunRequest & { readonly stream?: true };
export type SyncRunRequest = RunRequest & { readonly stream: false };

export interface RunListOptions extends RequestOptions {
  readonly cursor?: string;
  readonly limit?: number;
}

export interface RunMethods {
  /** `POST /v1/apps/{appId}/runs`: with `stream: false`, the JSON answer once the run ends. */
  run(appId: string, body: SyncRunRequest, options?: RequestOptions): Promise<RunResult>;
  /** `POST /v1/apps/{appId}/runs`: the run events as they happen, ending with `run-end`. */
  run(appId: string, body?: StreamingRunRequest, options?: RequestOptions): RunEventStream;
  run(appId: string, body: RunRequest, options?: RequestOptions): Promise<RunResult> | RunEventStream;
  /** `POST /v1/apps/{appId}/runs` with `stream: false`. */
  runSync(appId: string, body?: Omit<RunRequest, 'stream'>, options?: RequestOptions): Promise<RunResult>;
  /** `POST /api/apps/{appId}/draft/runs`: runs the saved draft (editor's test panel), same answers. */
  runDraft(appId: string, body: SyncRunRequest, options?: RequestOptions): Promise<RunResult>;
  runDraft(appId: string, body?: StreamingRunRequest, options?: RequestOptions): RunEventStream;
  runDraft(appId: string, body: RunRequest, options?: RequestOptions): Promise<RunResult> | RunEventStream;
  /** `GET /api/apps/{appId}/runs`: newest first; pass `nextCursor` back as `cursor`. */
  listRuns(appId: string, options?: RunListOptions): Promise<RunList>;
  /** `GET /v1/runs/{runId}`: for the key that started the run, or the admin token. */
  getRun(runId: string, options?: RequestOptions): Promise<RunRecord>;
  /** `GET /api/runs/{runId}`: the management route, admin token only. */
  getRunAsAdmin(runId: string, options?: RequestOptions): Promise<RunRecord>;
}

export function createRunMethods(transport: Transport): RunMethods {
  // The route is built lazily so that a bad id rejects the promise or fails the first `next()`.
  function start(
    route: () => string,
    body: RunRequest,
    options: RequestOptions,
  ): Promise<RunResult> | RunEventStream {
    if (body.stream === false) {
      return Promise.resolve().then(() =>
        transport.json({ method: 'POST', path: route(), body, ...options }, runResultSchema),
      );
    }
    return streamRun(transport, route, body, options);
  }

  function run(appId: string, body: SyncRunRequest, options?: RequestOptions): Promise<RunResult>;
  function run(appId: string, body?: StreamingRunRequest, options?: RequestOptions): RunEventStream;
  function run(
    appId: string,
    body: RunRequest,
    options?: RequestOptions,
  ): Promise<RunResult> | RunEventStream;
  function run(appId: string, body: RunRequest = {}, options: RequestOptions = {}) {
    return start(() => path`/v1/apps/${appId}/runs`, body, options);
  }

  function runDraft(appId: string, body: SyncRunRequest, options?: RequestOptions): Promise<RunResult>;
  function runDraft(appId: string, body?: StreamingRunRequest, options?: RequestOptions): RunEventStream;
  function runDraft(
    appId: string,
    body: RunRequest,
    options?: RequestOptions,
  ): Promise<RunResult> | RunEventStream;
  function runDraft(appId: string, body: RunRequest = {}, options: RequestOptions = {}) {
    return start(() => path`/api/apps/${appId}/draft/runs`, body, options);
  }

  return {
    run,
    runSync: async (appId, body = {}, options = {}) => run(appId, { ...body, stream: false }, options),
    runDraft,
    listRuns: async (appId, { cursor, limit, ...options } = {}) =>
      transport.json(
        { method: 'GET', path: path`/api/apps/${appId}/runs`, query: { cursor, limit }, ...options },
        runListSchema,
      ),
    getRun: async (runId, options = {}) =>
      transport.json({ method: 'GET', path: path`/v1/runs/${runId}`, ...options }, runRecordSchema),
    getRunAsAdmin: async (runId, options = {}) =>
      transport.json({ method: 'GET', path: path`/api/runs/${runId}`, ...options }, runRecordSchema),
  };
}

async function* streamRun(
  transport: Transport,
  route: () => string,
  body: RunRequest,
  options: RequestOptions,
): RunEventStream {
  const stream = await transport.stream({
    method: 'POST',
    path: route(),
    body,
    accept: 'text/event-stream',
    ...options,
  });
  yield* parseRunEvents(stream);
}
