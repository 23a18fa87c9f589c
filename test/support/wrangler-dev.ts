import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { repositoryRoot, serverEnvironment, wranglerScript } from './repository.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';

/** A worker under `wrangler dev` on 127.0.0.1. */
export interface DevWorker {
  readonly baseUrl: string;
  readonly process: ServerProcess;
  stop(): Promise<void>;
}

/**
 * Runs the worker of `config` under `wrangler dev` (through scripts/wrangler.mjs) on a free port, with
 * `vars` as `--var`s and its state in a temporary folder, and waits until `readyPath` answers 2xx.
 * @example const worker = await startDevWorker('test/bench/passthrough-worker/wrangler.jsonc', { MODEL_BASE_URL: url });
 */
export async function startDevWorker(
  config: string,
  vars: Readonly<Record<string, string>>,
  options: { readyPath?: string; readyTimeoutMs?: number } = {},
): Promise<DevWorker> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const state = await mkdtemp(join(tmpdir(), 'edgeflow-dev-worker-'));
  const server = spawnServer(
    `wrangler dev ${config}`,
    process.execPath,
    [
      wranglerScript,
      'dev',
      '--config',
      join(repositoryRoot, config),
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      state,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
      ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ],
    { cwd: repositoryRoot, env: serverEnvironment({}) },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await server.stop();
    await rm(state, { recursive: true, force: true });
  };
  try {
    await server.waitForUrl(`${baseUrl}${options.readyPath ?? '/'}`, options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, process: server, stop };
}
