#!/usr/bin/env node
// Builds the browser apps (apps/editor, apps/widget: every app under apps/ whose package.json has a
// `build` script) and gathers their output into apps/runtime/.assets, the directory the runtime's
// wrangler.jsonc serves as static assets: the editor at `/` (single-page app), the widget at
// `/widget.js`. Run by `npm start`, `npm test` and `npm run deploy`; `--if-missing` only builds when the
// directory is still empty (for quick restarts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const assetsDir = join(root, 'apps', 'runtime', '.assets');

/** Apps that build into `dist/`, in a fixed order (later ones may not overwrite earlier files). */
function buildableApps() {
  const appsDir = join(root, 'apps');
  return readdirSync(appsDir)
    .filter((name) => name !== 'runtime')
    .filter((name) => {
      const manifest = join(appsDir, name, 'package.json');
      return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.build;
    })
    .sort();
}

export function buildAssets({ ifMissing = false } = {}) {
  if (ifMissing && existsSync(assetsDir) && readdirSync(assetsDir).length > 0) return;
  rmSync(assetsDir, { recursive: true, force: true });
  mkdirSync(assetsDir, { recursive: true });
  for (const name of buildableApps()) {
    const cwd = join(root, 'apps', name);
    // Always a production build: Vite takes NODE_ENV from the environment, and a caller's (vitest sets
    // `test`) would bundle React's development build, whose StrictMode runs every effect twice.
    const result = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error(`Building apps/${name} failed (exit ${result.status}).`);
    const dist = join(cwd, 'dist');
    if (!existsSync(dist)) throw new Error(`apps/${name} built nothing into dist/.`);
    cpSync(dist, assetsDir, { recursive: true, force: false, errorOnExist: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    buildAssets({ ifMissing: process.argv.includes('--if-missing') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
