// The Worker settings a developer's environment may hand to the platform (API.md, Configuration). One
// list for `npm start` (passed to the local worker), `npm run deploy` (stored as Worker secrets) and the
// tests (removed from the environment of every server they start, so each sees only what it is given).

/** Provider settings, the secrets master key and the egress allowlist: local and deployed alike. */
export const workerSettings = [
  'DASHSCOPE_API_KEY',
  'DASHSCOPE_BASE_URL',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_COMPATIBLE_BASE_URL',
  'OPENAI_COMPATIBLE_API_KEY',
  'OPENAI_COMPATIBLE_MODELS',
  'SECRETS_MASTER_KEY',
  'EGRESS_ALLOW_HOSTS',
];

/** What `npm start` hands to the local worker: the above, the admin token, and the local-only private-egress switch. */
export const localSettings = ['ADMIN_TOKEN', ...workerSettings, 'EGRESS_ALLOW_PRIVATE'];
