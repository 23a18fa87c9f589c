/** Timing runs of published apps, and the plain requests they are compared with. */
import { parseRunEvents } from '@edgeflow/api';

export interface RunSample {
  /** From sending the request to the end of the run's event stream, ms (NaN on failure). */
  readonly totalMs: number;
  /** Each node's `elapsedMs` as its node-end event reports it (measured inside the worker). */
  readonly steps: Readonly<Record<string, number>>;
  readonly failure?: string;
}

/** Starts a streamed run and reads its events to the end; never throws. */
export async function timeRun(
  baseUrl: string,
  app: { id: string; key: string },
  query: string,
): Promise<RunSample> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  try {
    const response = await fetch(`${baseUrl}/v1/apps/${app.id}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: { query } }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok || !response.body)
      return { totalMs: Number.NaN, steps, failure: `HTTP ${response.status}` };
    let status = 'none';
    let error = '';
    for await (const event of parseRunEvents(response.body)) {
      if (event.type === 'node-end') steps[event.nodeId] = event.elapsedMs;
      if (event.type === 'run-end') {
        status = event.status;
        error = event.error ? `${event.error.code}: ${event.error.message}` : '';
      }
    }
    const totalMs = performance.now() - started;
    return status === 'succeeded'
      ? { totalMs, steps }
      : { totalMs: Number.NaN, steps, failure: `${status} ${error}` };
  } catch (error) {
    return { totalMs: Number.NaN, steps, failure: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Keeps a case's side measurements (step times) in step with its samples: `interleaveRounds` drops
 * the first `warmup` calls of every case, so this drops the first `warmup` values too.
 */
export class AfterWarmup {
  readonly #warmup: number;
  #seen = 0;
  readonly values: number[] = [];
  constructor(warmup: number) {
    this.#warmup = warmup;
  }
  add(value: number | undefined): void {
    this.#seen += 1;
    if (this.#seen > this.#warmup && value !== undefined) this.values.push(value);
  }
}
