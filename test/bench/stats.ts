/** Median and p95 of samples (ms), for benchmark reports. */
export function summarize(samples: readonly number[]): { median: number; p95: number; n: number } {
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

export const format = (milliseconds: number) =>
  milliseconds < 1 ? `${(milliseconds * 1000).toFixed(0)} µs` : `${milliseconds.toFixed(2)} ms`;

/**
 * Runs each named case in turn, round after round, so machine noise hits all of them alike
 * (the benchmarks compare against a floor measured in the same run).
 */
export async function interleave(
  cases: Record<string, () => unknown>,
  options: { rounds: number; warmup: number },
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < options.warmup + options.rounds; round += 1) {
    for (const [name, body] of Object.entries(cases)) {
      const started = performance.now();
      await body();
      const elapsed = performance.now() - started;
      if (round >= options.warmup) samples[name]?.push(elapsed);
    }
  }
  return samples;
}
