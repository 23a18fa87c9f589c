import type { StreamSample } from './runtime-streams.ts';

export interface LoadResult {
  /** Streams that ended well. */
  readonly succeeded: number;
  readonly failed: number;
  /** From the first request to the end of the last stream, ms. */
  readonly elapsedMs: number;
  /** Time to first token of every successful stream. */
  readonly firstTokenMs: readonly number[];
  /** Failure reasons with their counts. */
  readonly failures: ReadonlyMap<string, number>;
}

/**
 * `concurrency` clients each start a stream, read it to the end and start the next, until `durationMs`
 * has passed; streams in flight at the deadline finish (each is bounded by its own timeout).
 */
export async function runLoad(options: {
  readonly concurrency: number;
  readonly durationMs: number;
  readonly stream: () => Promise<StreamSample>;
}): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + options.durationMs;
  const firstTokenMs: number[] = [];
  const failures = new Map<string, number>();
  let succeeded = 0;
  let failed = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const sample = await options.stream();
      if (sample.ok) {
        succeeded += 1;
        firstTokenMs.push(sample.firstTokenMs);
      } else {
        failed += 1;
        const reason = sample.failure ?? 'unknown';
        failures.set(reason, (failures.get(reason) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return { succeeded, failed, elapsedMs: performance.now() - started, firstTokenMs, failures };
}

/** Several load results of one target as one. */
export function combineLoad(results: readonly LoadResult[]): LoadResult {
  const failures = new Map<string, number>();
  for (const result of results) {
    for (const [reason, count] of result.failures) failures.set(reason, (failures.get(reason) ?? 0) + count);
  }
  return {
    succeeded: results.reduce((total, result) => total + result.succeeded, 0),
    failed: results.reduce((total, result) => total + result.failed, 0),
    elapsedMs: results.reduce((total, result) => total + result.elapsedMs, 0),
    firstTokenMs: results.flatMap((result) => result.firstTokenMs),
    failures,
  };
}
