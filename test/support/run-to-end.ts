import { spawn } from 'node:child_process';

export interface Finished {
  /** The exit code, or null when a signal ended it. */
  readonly status: number | null;
  /** stdout and stderr, interleaved as they came. */
  readonly output: string;
}

/**
 * Runs a command to completion without blocking the event loop, collecting its output.
 * @example const { status, output } = await runToEnd(process.execPath, ['scripts/deploy.mjs', '--dry-run'], { cwd, env });
 */
export function runToEnd(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const append = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}
