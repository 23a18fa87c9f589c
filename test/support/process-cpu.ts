import { readdir, readFile } from 'node:fs/promises';

/** Linux reports CPU time in clock ticks; 100 per second everywhere we run (`getconf CLK_TCK`). */
const ticksPerSecond = 100;

interface ProcessStat {
  readonly command: string;
  readonly groupId: number;
  /** User + system CPU time so far, ms. */
  readonly cpuMs: number;
}

async function readStat(pid: string): Promise<ProcessStat | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  if (stat === '') return undefined;
  // The command sits in parentheses and may hold spaces; the numeric fields follow it.
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  // Fields after the command, from 0: state, ppid, pgrp, …, utime at 11, stime at 12.
  return {
    command: stat.slice(stat.indexOf('(') + 1, close),
    groupId: Number(fields[2]),
    cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond,
  };
}

/**
 * The CPU time (user + system) of a process group, by command name (`workerd`, `node`, …). Linux only
 * (reads /proc); always empty elsewhere. Unlike wall-clock timings, differences of two snapshots say
 * what a stretch of work cost whatever else competes for the machine. `refresh()` finds the group's
 * processes again (wrangler restarts workerd when sources change); `snapshot()` reads only those.
 * @example const cpu = processGroupCpu(server.pid); await cpu.refresh(); const before = await cpu.snapshot();
 */
export function processGroupCpu(groupId: number) {
  let members: string[] = [];
  return {
    async refresh(): Promise<void> {
      const entries = await readdir('/proc').catch(() => [] as string[]);
      const found: string[] = [];
      for (const entry of entries) {
        if (/^\d+$/.test(entry) && (await readStat(entry))?.groupId === groupId) found.push(entry);
      }
      members = found;
    },
    async snapshot(): Promise<Map<string, number>> {
      const usage = new Map<string, number>();
      for (const pid of members) {
        const stat = await readStat(pid);
        if (stat?.groupId === groupId) usage.set(stat.command, (usage.get(stat.command) ?? 0) + stat.cpuMs);
      }
      return usage;
    },
  };
}

/** What `after` used beyond `before`, by command. */
export function cpuSince(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const used = new Map<string, number>();
  for (const [command, ms] of after) used.set(command, ms - (before.get(command) ?? 0));
  return used;
}

/** The total of a usage map, ms. */
export const totalCpu = (usage: Map<string, number>) => [...usage.values()].reduce((sum, ms) => sum + ms, 0);
