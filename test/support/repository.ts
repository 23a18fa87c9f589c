import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `scripts/wrangler.mjs` (wrangler's CLI on this Node; see the script for why not `npx wrangler`). */
export const wranglerScript = fileURLToPath(new URL('../../scripts/wrangler.mjs', import.meta.url));

/**
 * Settings a developer's shell may hold that would leak into a server a test starts (API.md,
 * Configuration, and `npm start`'s own knobs): removed so every test server sees only what it is given.
 */
const inheritedSettings = [
  'ADMIN_TOKEN',
  'PORT',
  'HOST',
  'EDGEFLOW_STATE_DIR',
  'EDGEFLOW_INSPECTOR_PORT',
  'WRANGLER_LOG',
  'DASHSCOPE_API_KEY',
  'DASHSCOPE_BASE_URL',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_COMPATIBLE_BASE_URL',
  'OPENAI_COMPATIBLE_API_KEY',
  'OPENAI_COMPATIBLE_MODELS',
  'SECRETS_MASTER_KEY',
  'EGRESS_ALLOW_PRIVATE',
  'EGRESS_ALLOW_HOSTS',
];

/** This process's environment without the settings above, plus `settings`, with wrangler's metrics off. */
export function serverEnvironment(settings: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  for (const name of inheritedSettings) delete environment[name];
  return { ...environment, ...settings };
}
