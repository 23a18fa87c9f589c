import { eventStreamHeaders, forward } from './forward.ts';

// The few D1 and Workers types used here (test/tsconfig.json has Node's types, not workers-types).
interface Statement {
  bind(...values: unknown[]): Statement;
  run(): Promise<unknown>;
}
interface Env {
  readonly MODEL_BASE_URL: string;
  /** Absent in floor (f) (wrangler.streaming.jsonc): the stream still passes through JavaScript, unrecorded. */
  readonly DB?: { prepare(sql: string): Statement; batch(statements: Statement[]): Promise<unknown> };
}

/**
 * Floor (e): the bare pass-through worker plus the persistence API.md demands of any run, done the
 * cheapest way the contract allows: one insert when the run starts (not awaited) and one `db.batch` when
 * its stream ends (the run's final row, its 4 steps in one multi-row insert, the app's daily usage), kept
 * alive by `waitUntil`, into a local D1 with the platform's table shapes (packages/db/migrations). No
 * platform that keeps run records can go below this; the floor without persistence (index.ts) can.
 * GET creates the tables (the benchmark's readiness probe) and answers `ok`.
 *
 * Floor (f) is this worker without its D1 binding: every chunk of the answer still passes through a
 * JavaScript TransformStream, as it must through any platform that turns the model's stream into its
 * own events, but nothing is recorded. Both run behind the platform's assets front (d), so (d) → (f) is
 * the cost of touching the stream in JavaScript, and (f) → (e) the cost of the run records in a local D1,
 * which shares workerd's thread.
 */
const schema = [
  `CREATE TABLE IF NOT EXISTS runs (id text PRIMARY KEY NOT NULL, app_id text NOT NULL, version integer,
    source text NOT NULL, status text NOT NULL, key_id text, conversation_id text, inputs text NOT NULL,
    outputs text, error text, input_tokens integer DEFAULT 0 NOT NULL, output_tokens integer DEFAULT 0 NOT NULL,
    elapsed_ms integer, started_at integer NOT NULL, ended_at integer)`,
  'CREATE INDEX IF NOT EXISTS runs_app_started ON runs (app_id, started_at, id)',
  `CREATE TABLE IF NOT EXISTS run_steps (run_id text NOT NULL, position integer NOT NULL, node_id text NOT NULL,
    node_type text NOT NULL, status text NOT NULL, inputs text, outputs text, error text, usage text,
    attempts text, logs text, started_at integer NOT NULL, elapsed_ms integer NOT NULL,
    PRIMARY KEY (run_id, position), FOREIGN KEY (run_id) REFERENCES runs(id) ON DELETE cascade)`,
  `CREATE TABLE IF NOT EXISTS app_daily_usage (app_id text NOT NULL, day text NOT NULL,
    input_tokens integer DEFAULT 0 NOT NULL, output_tokens integer DEFAULT 0 NOT NULL,
    runs integer DEFAULT 0 NOT NULL, PRIMARY KEY (app_id, day))`,
];

const steps = ['start', 'template', 'llm', 'answer'];
const stepRow = '(?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?)';

export default {
  async fetch(
    request: Request,
    env: Env,
    context: { waitUntil(work: Promise<unknown>): void },
  ): Promise<Response> {
    const db = env.DB;
    if (request.method !== 'POST') {
      if (db) await db.batch(schema.map((sql) => db.prepare(sql)));
      return new Response('ok');
    }
    const runId = crypto.randomUUID();
    const startedAt = Date.now();
    // As the platform does (apps/runtime/src/run/execute-run.ts): the model request leaves first, then the
    // start write, which nothing awaits on the token path.
    const answer = forward(await request.text(), env.MODEL_BASE_URL);
    const started = db
      ?.prepare(
        `INSERT INTO runs (id, app_id, version, source, key_id, conversation_id, inputs, started_at, status)
       VALUES (?, 'app', 1, 'api', 'key', NULL, ?, ?, 'running')`,
      )
      .bind(runId, '{"query":"hello"}', startedAt)
      .run();
    started?.catch(() => undefined);
    const upstream = await answer;
    if (!upstream.body) return new Response(null, { status: 502 });
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    let bytes = 0;
    const counted = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const finish = async () => {
      if (!db) return;
      const endedAt = Date.now();
      const outputs = JSON.stringify({ answer: `${bytes} bytes` });
      await started;
      await db.batch([
        db
          .prepare(
            `UPDATE runs SET status = 'succeeded', outputs = ?, error = NULL, input_tokens = 5, output_tokens = 5,
           elapsed_ms = ?, ended_at = ? WHERE id = ?`,
          )
          .bind(outputs, endedAt - startedAt, endedAt, runId),
        db
          .prepare(
            `INSERT INTO run_steps (run_id, position, node_id, node_type, status, inputs, outputs, error, usage,
           attempts, logs, started_at, elapsed_ms) VALUES ${steps.map(() => stepRow).join(', ')}`,
          )
          .bind(
            ...steps.flatMap((step, position) => [
              runId,
              position,
              step,
              step,
              'succeeded',
              '{"query":"hello"}',
              outputs,
              startedAt,
              endedAt - startedAt,
            ]),
          ),
        db
          .prepare(
            `INSERT INTO app_daily_usage (app_id, day, input_tokens, output_tokens, runs) VALUES ('app', ?, 5, 5, 1)
           ON CONFLICT (app_id, day) DO UPDATE SET input_tokens = input_tokens + excluded.input_tokens,
           output_tokens = output_tokens + excluded.output_tokens, runs = runs + 1`,
          )
          .bind(new Date(endedAt).toISOString().slice(0, 10)),
      ]);
    };
    context.waitUntil(
      upstream.body
        .pipeThrough(counted)
        .pipeTo(writable)
        .then(finish)
        .catch((error: unknown) => console.error(`persisting floor: ${String(error)}`)),
    );
    return new Response(readable, { status: upstream.status, headers: eventStreamHeaders });
  },
};
