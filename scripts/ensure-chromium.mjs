#!/usr/bin/env node
// The browser tests drive Debian's Chromium through playwright-core (never `playwright install`, which
// downloads from a host we cannot reach). Installs it with apt-get when it is missing and we may
// (root, or passwordless sudo); otherwise says what to install. CHROMIUM_PATH points elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    console.error(
      `Chromium is missing at ${chromiumPath}: install it (apt-get install chromium) for the browser tests.`,
    );
    return false;
  }
  console.log('Installing Chromium from the Debian packages for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => {
    const [command, ...rest] = [...sudo, 'apt-get', ...args];
    return spawnSync(command, rest, { stdio: 'inherit', env }).status === 0;
  };
  return apt('update', '-qq') && apt('install', '-y', '-qq', 'chromium') && existsSync(chromiumPath);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(ensureChromium() ? 0 : 1);
}
