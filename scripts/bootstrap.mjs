#!/usr/bin/env node
// One entry point for `npm start` / `npm test` on a machine with nothing but Node 20 and npm:
// it fetches the pinned pnpm through npx when it is not installed, installs the workspace when
// the lockfile changed since the last install, then runs the requested task.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = String(rootPackage.packageManager).replace(/^pnpm@/, '');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', npm_config_update_notifier: 'false' };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}

function installStamp() {
  const hash = createHash('sha256');
  for (const file of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json']) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

const [pnpm, pnpmPrefix] = pnpmCommand();
const pnpmRun = (...args) => run(pnpm, [...pnpmPrefix, ...args]);

function ensureInstalled() {
  const stampPath = join(root, 'node_modules', '.edgeflow-stamp');
  const stamp = installStamp();
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return;
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  const status = pnpmRun('install', ...frozen);
  if (status !== 0) process.exit(status);
  writeFileSync(stampPath, stamp);
}

const task = process.argv[2] ?? 'test';
ensureInstalled();
if (task === 'setup') process.exit(0);
if (task === 'test') {
  // Browser tests (editor, widget) need Debian's Chromium; installed here when missing and possible.
  run(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs')]);
  process.exit(pnpmRun('run', 'test:all'));
}
if (task === 'start') process.exit(pnpmRun('run', 'start:local', ...process.argv.slice(3)));
console.error(`unknown task ${task}`);
process.exit(2);
