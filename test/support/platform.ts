import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { repositoryRoot, serverEnvironment } from './repository.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';

export interface PlatformOptions {
  /** Variables for the worker besides the port, state folder and admin token, e.g. provider settings. */
  readonly settings?: Readonly<Record<string, string>>;
  /** How long the first start may take (migrations, bundling, workerd). Defaults to 150 s. */
  readonly readyTimeoutMs?: number;
}

/** The platform as `npm start` runs it, on a free port with a fresh local D1. */
export interface Platform {
  /** `http://127.0.0.1:<port>`: what the tests call (the banner prints `localhost`). */
  readonly baseUrl: string;
  readonly port: number;
  readonly adminToken: string;
  /** Where workerd's DevTools inspector listens (CPU profiles of the worker). */
  readonly inspectorPort: number;
  readonly process: ServerProcess;
  /** Stops the whole process tree and deletes the state folder. */
  stop(): Promise<void>;
}

/**
 * Starts `node scripts/start.mjs` (what `npm start` runs once the workspace is installed) and waits
 * until `/healthz` answers and the banner is printed.
 * @example const platform = await startPlatform({ settings: { OPENAI_COMPATIBLE_BASE_URL: fake.url } });
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const stateDirectory = await mkdtemp(join(tmpdir(), 'edgeflow-state-'));
  const adminToken = `ef_admin_test_${randomBytes(12).toString('hex')}`;
  const server = spawnServer('npm start (scripts/start.mjs)', process.execPath, ['scripts/start.mjs'], {
    cwd: repositoryRoot,
    env: serverEnvironment({
      ...options.settings,
      PORT: String(port),
      EDGEFLOW_STATE_DIR: stateDirectory,
      ADMIN_TOKEN: adminToken,
      EDGEFLOW_INSPECTOR_PORT: String(inspectorPort),
      // `npm test` builds the editor and widget once before the suites; servers reuse that build.
      EDGEFLOW_ASSETS: 'reuse',
    }),
  });
  const stop = async () => {
    await server.stop();
    await rm(stateDirectory, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const timeout = options.readyTimeoutMs ?? 150_000;
    await server.waitForUrl(`${baseUrl}/healthz`, timeout);
    // start.mjs prints the banner once the PDF and sandbox Workers are registered too, or after 60 s
    // without them; a busy machine (load 8+) starts them well after /healthz.
    await server.waitForOutput(/Edgeflow is running/, 75_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, adminToken, inspectorPort, process: server, stop };
}
