#!/usr/bin/env node
// `npm start`: the platform on http://localhost:8787 (PORT to change) through `wrangler dev`: the runtime
// Worker, and beside it the PDF and sandbox Workers (apps/pdf, apps/sandbox) that its `PDF` and `SANDBOX`
// service bindings reach, with a
// local D1 (migrations applied), an admin token (created once in apps/runtime/.dev.vars, printed), and
// provider settings taken from this process's environment, which win over .dev.vars. Tests and benchmarks
// run servers side by side with EDGEFLOW_STATE_DIR (local D1 elsewhere) and EDGEFLOW_INSPECTOR_PORT.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { buildAssets } from './build-assets.mjs';
import { localSettings } from './settings.mjs';
import { runtimeDir, sideWorkers, wranglerSpawn, wranglerSync } from './wrangler.mjs';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const persistTo = process.env.EDGEFLOW_STATE_DIR ?? join(runtimeDir, '.wrangler', 'state');
const devVarsPath = join(runtimeDir, '.dev.vars');

function readDevVars() {
  if (!existsSync(devVarsPath)) return {};
  const vars = {};
  for (const line of readFileSync(devVarsPath, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"?(.*?)"?\s*$/.exec(line);
    if (match) vars[match[1]] = match[2];
  }
  return vars;
}

// Made once and kept in .dev.vars (0600): the admin token, and the key that encrypts tool secrets.
const generated = {
  ADMIN_TOKEN: () => `ef_admin_${randomBytes(24).toString('base64url')}`,
  SECRETS_MASTER_KEY: () => randomBytes(32).toString('base64url'),
};
let devVars = readDevVars();
const missing = Object.keys(generated).filter((name) => !devVars[name]);
if (missing.length > 0) {
  const existing = existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8') : '';
  const lines = missing.map((name) => `${name}="${generated[name]()}"\n`).join('');
  writeFileSync(devVarsPath, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${lines}`);
  chmodSync(devVarsPath, 0o600);
  devVars = readDevVars();
}
const adminToken = process.env.ADMIN_TOKEN || devVars.ADMIN_TOKEN;

// Written afresh on every start: later --env-file wins, so the environment overrides .dev.vars.
// One file per port, so servers started side by side (tests, benchmarks) never read each other's;
// removed when the server stops.
const overridesPath = join(runtimeDir, '.wrangler', `start-${port}.env`);
mkdirSync(join(runtimeDir, '.wrangler'), { recursive: true });
const overrides = { ENVIRONMENT: 'development' };
for (const name of localSettings) if (process.env[name]) overrides[name] = process.env[name];
writeFileSync(
  overridesPath,
  Object.entries(overrides)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join('\n'),
  { mode: 0o600 },
);

const migration = wranglerSync(
  ['d1', 'migrations', 'apply', 'edgeflow', '--local', '--persist-to', persistTo],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  },
);
if (migration.status !== 0) {
  console.error(`Applying the database migrations failed:\n${migration.stdout}${migration.stderr}`);
  process.exit(migration.status ?? 1);
}

// The editor and widget: built on every start so `/` shows the current code; tests and benchmarks that
// start many servers after one build set EDGEFLOW_ASSETS=reuse.
try {
  buildAssets({ ifMissing: process.env.EDGEFLOW_ASSETS === 'reuse' });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// The side Workers (PDF, sandbox) each run as a `wrangler dev` of their own beside the runtime; the
// runtime's service bindings find them through wrangler's dev registry, a folder private to this server
// (so servers started side by side never bind each other's). One `wrangler dev` with all configs would be
// simpler, but wrangler 4.124's multi-worker mode exited when a client dropped a request (the tests'
// probes do), and one process runs all its Workers on one thread: the sandbox's process must be its own,
// or a code node spinning in `while (true) {}` would stall every run until its deadline.
const registry = join(runtimeDir, '.wrangler', `registry-${port}`);
rmSync(registry, { recursive: true, force: true });
process.env.WRANGLER_REGISTRY_PATH = registry;

/** A port nothing listens on now (a side Worker's own HTTP port and inspector are never used directly). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

// Each Worker runs from a copy of its config, next to it (so its relative paths hold), that adds a custom
// build command which does nothing. Why: without one, `wrangler dev` keeps an esbuild watch on the bundle's
// sources, and esbuild's watch polls them: the three cost ~90 ms of CPU every second while the platform
// sat idle (measured; a tenth of a core taken from the runs). With a custom build, wrangler bundles the
// same way once and watches `build.watch_dir` (the Worker's src/) through the file system's events
// instead, so a change there still reloads it. The copies are removed when the server stops.
const devConfigs = [];
function devConfig(config) {
  const copy = join(dirname(config), `.wrangler-dev-${port}.jsonc`);
  const build = '"build": { "command": "node -e 0", "watch_dir": "./src" },';
  // The object's opening brace is the first one at the start of a line (comments may hold braces).
  writeFileSync(copy, readFileSync(config, 'utf8').replace(/^\{/m, `{\n  ${build}`));
  devConfigs.push(copy);
  return copy;
}

const logLevel = process.env.WRANGLER_LOG ?? 'warn';
const sides = [];
for (const side of sideWorkers) {
  const child = wranglerSpawn(
    [
      'dev',
      '--config',
      devConfig(side.config),
      '--port',
      String(await freePort()),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(await freePort()),
      '--show-interactive-dev-session=false',
      '--log-level',
      logLevel,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  sides.push({ ...side, child });
}

const dev = wranglerSpawn(
  [
    'dev',
    '--config',
    devConfig(join(runtimeDir, 'wrangler.jsonc')),
    '--port',
    String(port),
    '--ip',
    host,
    '--persist-to',
    persistTo,
    '--env-file',
    devVarsPath,
    '--env-file',
    overridesPath,
    '--show-interactive-dev-session=false',
    '--log-level',
    logLevel,
    // wrangler probes 9229 then binds it later: two servers starting at once both take it and one dies.
    ...(process.env.EDGEFLOW_INSPECTOR_PORT ? ['--inspector-port', process.env.EDGEFLOW_INSPECTOR_PORT] : []),
  ],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);

let announced = false;
const relay = (stream, target) =>
  stream.on('data', (chunk) => {
    const text = chunk.toString();
    // Offline, wrangler cannot fetch Request.cf metadata; the warning is harmless noise here.
    // wrangler's Node 22 notice is moot: scripts/wrangler.mjs explains why Node 20 is fine here.
    if (
      /Request\.cf|workers\.cloudflare\.com|getaddrinfo|GetAddrInfoReqWrap|requires at least Node\.js/.test(
        text,
      )
    )
      return;
    target.write(text);
  });
relay(dev.stdout, process.stdout);
relay(dev.stderr, process.stderr);
for (const { child } of sides) {
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
}

// Announce once the server answers, so the printed URL works when it is read.
const probe = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const base = host === '127.0.0.1' || host === '0.0.0.0' ? `http://localhost:${port}` : probe;
const started = Date.now();
let stopped = false;
let slowNoticeShown = false;
// One probe at a time, each read to its end: probes that pile up behind a slow first start, or whose
// bodies are dropped unread, leave workerd writing to closed sockets ("Broken pipe" errors), and on a
// busy machine wrangler dev was seen to exit right after a burst of those.
const announceWhenUp = async () => {
  while (!stopped && !announced) {
    try {
      const response = await fetch(`${probe}/healthz`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      // A side Worker is in the registry once it serves: PDF uploads and code nodes work when the URL
      // is printed.
      const sidesReady =
        sides.every(({ name }) => existsSync(join(registry, name))) || Date.now() - started > 60_000;
      if (response.ok && sidesReady) {
        announced = true;
        console.log(`\nEdgeflow is running: ${base}/\n`);
        console.log(`  Admin token: ${adminToken}`);
        console.log(`  Sign in:     ${base}/#token=${adminToken}`);
        console.log(`  API docs:    ${base}/docs\n`);
        console.log('  Models: local:echo (no key needed) is always available.');
        console.log('  Stop with Ctrl+C.\n');
        return;
      }
    } catch {
      // Not up yet. A busy machine can take minutes (workerd compiles the whole bundle): say so once, keep waiting.
      if (!slowNoticeShown && Date.now() - started > 60_000) {
        slowNoticeShown = true;
        console.error('Still starting (over a minute so far; a busy machine is slower). Waiting…');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};
void announceWhenUp();

const stop = () => {
  stopped = true;
  dev.kill('SIGTERM');
  for (const { child } of sides) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => {
  stopped = true;
  for (const { child } of sides) child.kill('SIGTERM');
  // It holds secrets and is rewritten on the next start anyway.
  rmSync(overridesPath, { force: true });
  rmSync(registry, { recursive: true, force: true });
  for (const copy of devConfigs) rmSync(copy, { force: true });
  process.exit(code ?? 0);
});
// Without one, part of the platform fails (PDF uploads, code nodes); say why rather than fail silently.
for (const { label, lost, child } of sides) {
  child.on('exit', (code) => {
    if (code) console.error(`The ${label} stopped (exit ${code}): ${lost} until a restart.`);
  });
}
