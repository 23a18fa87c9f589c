import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The sandbox's own workerd tests, runnable before the runtime's config includes them:
// `npx vitest run --config apps/runtime/src/sandbox/vitest.config.ts`.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Vite's cache would otherwise land in ./node_modules, next to the sources.
  cacheDir: here('../../node_modules/.vite/sandbox'),
  plugins: [cloudflareTest({ wrangler: { configPath: here('../../wrangler.jsonc') } })],
  test: { name: 'runtime-sandbox', include: ['*.test.ts'] },
});
