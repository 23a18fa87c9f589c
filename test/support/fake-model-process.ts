import { freePort } from './free-port.ts';
import { repositoryRoot } from './repository.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';

/** The fake model's CLI knobs (test/fake-model/cli.ts); unset ones keep its defaults. */
export interface FakeModelOptions {
  readonly firstTokenMs?: number;
  readonly tokenDelayMs?: number;
  readonly tokens?: number;
}

/**
 * The fake OpenAI-compatible model in a process of its own (so a benchmark counts only its own CPU, and
 * the model's separately): answers once `{url}/models` does; `url` ends in `/v1`. Stop it with `process.stop()`.
 * @example const fake = await startFakeModelProcess({ firstTokenMs: 50, tokenDelayMs: 5, tokens: 5 });
 */
export async function startFakeModelProcess(
  options: FakeModelOptions = {},
): Promise<{ url: string; process: ServerProcess }> {
  const port = await freePort();
  const flags = Object.entries({
    '--first-token-ms': options.firstTokenMs,
    '--token-delay-ms': options.tokenDelayMs,
    '--tokens': options.tokens,
  }).flatMap(([flag, value]) => (value === undefined ? [] : [flag, String(value)]));
  const server = spawnServer(
    'fake model (test/fake-model/cli.ts)',
    process.execPath,
    ['--import', 'tsx', 'test/fake-model/cli.ts', '--port', String(port), ...flags],
    { cwd: repositoryRoot, env: process.env },
  );
  const url = `http://127.0.0.1:${port}/v1`;
  try {
    await server.waitForUrl(`${url}/models`, 30_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, process: server };
}
