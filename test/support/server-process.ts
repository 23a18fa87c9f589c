import { spawn } from 'node:child_process';

/** A long-running child process tree (e.g. `wrangler dev` and its workerd), in its own process group. */
export interface ServerProcess {
  readonly pid: number;
  /** Everything the tree printed so far, stdout and stderr interleaved (the last 1 MiB). */
  output(): string;
  /** The exit code, or the signal's name, once the leader exits. */
  readonly exited: Promise<number | string>;
  /** Resolves once `url` answers with a 2xx; rejects with the output if the process exits or time runs out. */
  waitForUrl(url: string, timeoutMs: number): Promise<void>;
  /** Resolves once the output matches `pattern`; rejects like `waitForUrl`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const outputLimit = 1024 * 1024;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends `signal` to process group `pid`; false when the group is gone. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `command` detached (its own process group), so `stop()` reaches every process it starts,
 * however deep, without looking anything up by name. A guard kills the group if this process exits first.
 * @example const server = spawnServer('wrangler', process.execPath, ['scripts/wrangler.mjs', 'dev'], { cwd, env });
 */
export function spawnServer(
  name: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ServerProcess {
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: the process did not start`);
  let text = '';
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    if (text.length > outputLimit) text = text.slice(-outputLimit);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let running = true;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const guard = () => signalGroup(pid, 'SIGKILL');
  process.once('exit', guard);

  const failure = (why: string) =>
    new Error(`${name} (pid ${pid}) ${why}. Its output:\n${text.slice(-8000) || '(none)'}`);

  async function waitFor<Value>(what: string, timeoutMs: number, probe: () => Promise<Value | undefined>) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (!running) throw failure(`exited (${String(await exited)}) before ${what}`);
      if (Date.now() > deadline) throw failure(`did not reach ${what} within ${timeoutMs} ms`);
      await sleep(150);
    }
  }

  let stopping: Promise<void> | undefined;
  return {
    pid,
    output: () => text,
    exited,
    waitForUrl: (url, timeoutMs) =>
      waitFor(`answering ${url}`, timeoutMs, async () => {
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
          // Read to the end: a body left unread makes workerd log a scary (harmless) broken pipe.
          await response.arrayBuffer();
          return response.ok ? true : undefined;
        } catch {
          return undefined;
        }
      }).then(() => undefined),
    waitForOutput: (pattern, timeoutMs) =>
      waitFor(`printing ${pattern}`, timeoutMs, async () => text.match(pattern) ?? undefined),
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        signalGroup(pid, 'SIGTERM');
        const deadline = Date.now() + graceMs;
        // The leader exiting is not enough: workerd children may outlive it for a moment.
        while (signalGroup(pid, 0) && Date.now() < deadline) await sleep(100);
        signalGroup(pid, 'SIGKILL');
        if (running) await exited;
        process.removeListener('exit', guard);
      })();
      return stopping;
    },
  };
}
