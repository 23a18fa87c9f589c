// The Worker settings a developer's environment may hand to the platform (API.md, Configuration). One
// list for `npm start` (passed to the local worker), `npm run deploy` (stored as Worker secrets) and the
// tests (removed from the environment of every server they start, so each sees only what it is given).

/**
 * Provider settings and the secrets master key: local and deployed alike. (Host allow and deny lists are
 * per app, in its settings: `allowedHosts`, `deniedHosts`.)
 */
export const workerSettings = [
  'DASHSCOPE_API_KEY',
  'DASHSCOPE_BASE_URL',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_COMPATIBLE_BASE_URL',
  'OPENAI_COMPATIBLE_API_KEY',
  'OPENAI_COMPATIBLE_MODELS',
  'SECRETS_MASTER_KEY',
];

/** What `npm start` hands to the local worker: the above, the admin token, and the local-only private-egress switch. */
export const localSettings = ['ADMIN_TOKEN', ...workerSettings, 'EGRESS_ALLOW_PRIVATE'];
