import { fileURLToPath } from 'node:url';
import { localSettings } from '../../scripts/settings.mjs';

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `scripts/wrangler.mjs` (wrangler's CLI on this Node; see the script for why not `npx wrangler`). */
export const wranglerScript = fileURLToPath(new URL('../../scripts/wrangler.mjs', import.meta.url));

/**
 * Settings a developer's shell may hold that would leak into a server a test starts (API.md,
 * Configuration, and `npm start`'s own knobs): removed so every test server sees only what it is given.
 */
const inheritedSettings = [
  ...localSettings,
  'PORT',
  'HOST',
  'EDGEFLOW_STATE_DIR',
  'EDGEFLOW_INSPECTOR_PORT',
  'EDGEFLOW_ASSETS',
  'WRANGLER_LOG',
];

/** This process's environment without the settings above, plus `settings`, with wrangler's metrics off. */
export function serverEnvironment(settings: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  for (const name of inheritedSettings) delete environment[name];
  return { ...environment, ...settings };
}
