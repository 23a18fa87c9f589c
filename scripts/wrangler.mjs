// Runs the workspace's pinned wrangler CLI for apps/runtime.
// Why not `npx wrangler`: wrangler's bin shim refuses Node 20, yet its CLI runs fine on it (checked:
// dev, d1 migrations, deploy --dry-run). We pin the wrangler that @cloudflare/vitest-pool-workers uses,
// so `npm start` and the worker tests run on the same workerd.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const runtimeDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'runtime');
/** The PDF Worker (`edgeflow-pdf`), reached by the runtime's `PDF` service binding. */
export const pdfConfig = join(runtimeDir, '..', 'pdf', 'wrangler.jsonc');
/** The sandbox Worker (`edgeflow-sandbox`), reached by the runtime's `SANDBOX` service binding. */
export const sandboxConfig = join(runtimeDir, '..', 'sandbox', 'wrangler.jsonc');

/**
 * The Workers the runtime binds by service, deployed before it and run beside it by `npm start`; `lost`
 * says what stops working while one is down.
 */
export const sideWorkers = [
  {
    name: 'edgeflow-pdf',
    label: 'PDF Worker (apps/pdf)',
    config: pdfConfig,
    lost: 'PDF uploads answer 503',
  },
  {
    name: 'edgeflow-sandbox',
    label: 'sandbox Worker (apps/sandbox)',
    config: sandboxConfig,
    lost: 'code nodes fail with sandbox_failed',
  },
];
const require = createRequire(join(runtimeDir, 'package.json'));
export const wranglerCli = join(dirname(require.resolve('wrangler/package.json')), 'wrangler-dist', 'cli.js');

// X_LOCAL_OBSERVABILITY: wrangler dev's local tracing streams a span for every fetch, D1 call and
// invocation to a collector worker in the same workerd; the runtime benchmark measured it at about a
// quarter of workerd's CPU per run. Edgeflow keeps its own run traces, so it is off unless asked for
// (X_LOCAL_OBSERVABILITY=true); the benchmark's bare worker inherits the same setting.
const baseEnv = () => ({
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  NO_D1_WARNING: 'true',
  X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? 'false',
});

/** Runs wrangler to completion; returns spawnSync's result (`status`, and output when piped). */
export function wranglerSync(args, options = {}) {
  return spawnSync(process.execPath, ['--no-warnings', wranglerCli, ...args], {
    cwd: runtimeDir,
    stdio: 'inherit',
    env: baseEnv(),
    ...options,
  });
}

/** Starts a long-running wrangler (e.g. `dev`). */
export function wranglerSpawn(args, options = {}) {
  return spawn(process.execPath, ['--no-warnings', wranglerCli, ...args], {
    cwd: runtimeDir,
    env: baseEnv(),
    ...options,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  process.exit(wranglerSync(process.argv.slice(2)).status ?? 1);
