import { cpuSince, type processGroupCpu, totalCpu } from '../support/process-cpu.ts';

type GroupCpu = ReturnType<typeof processGroupCpu>;

/** One measured case: `run` returns the sample (ms; NaN for a failure); `cpu` is the process tree it loads. */
export interface RoundCase {
  readonly run: () => Promise<number>;
  readonly cpu?: GroupCpu;
}

export interface RoundResults {
  readonly samples: Record<string, number[]>;
  readonly failures: Record<string, number>;
  /** CPU time the case's process tree used per call, ms (NaN without a tree or on non-Linux). */
  readonly cpuPerCall: Record<string, number>;
}

// Work a request leaves behind (run records written in waitUntil) is counted with the request that
// caused it, not the next one; every case waits the same, outside its timing.
const settleMs = 15;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Each case once per round, in an order that rotates every round so no case always follows another;
 * samples are kept after `warmup` rounds, as is the CPU time of each case's process tree.
 */
export async function interleaveRounds(
  cases: Record<string, RoundCase>,
  options: { readonly rounds: number; readonly warmup: number },
): Promise<RoundResults> {
  const names = Object.keys(cases);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const failures: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const cpuTotal: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const trees = [...new Set(names.map((name) => cases[name]?.cpu).filter((tree) => tree !== undefined))];
  let measuredCpu = false;
  for (let round = 0; round < options.warmup + options.rounds; round += 1) {
    if (round % 10 === 0) await Promise.all(trees.map((tree) => tree.refresh()));
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(round + offset) % names.length] ?? '';
      const entry = cases[name];
      if (!entry) continue;
      const before = await entry.cpu?.snapshot();
      const value = await entry.run();
      await sleep(settleMs);
      const after = await entry.cpu?.snapshot();
      if (Number.isNaN(value)) failures[name] = (failures[name] ?? 0) + 1;
      else if (round >= options.warmup) samples[name]?.push(value);
      if (round >= options.warmup && before && after && after.size > 0) {
        cpuTotal[name] = (cpuTotal[name] ?? 0) + totalCpu(cpuSince(before, after));
        measuredCpu = true;
      }
    }
  }
  const cpuPerCall = Object.fromEntries(
    names.map((name) => [
      name,
      measuredCpu && cases[name]?.cpu ? (cpuTotal[name] ?? 0) / options.rounds : Number.NaN,
    ]),
  );
  return { samples, failures, cpuPerCall };
}
