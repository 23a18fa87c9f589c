import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The PDF Worker's tests, inside workerd with its own wrangler.jsonc (as deployed). */
export default defineConfig({
  root: here('.'),
  plugins: [cloudflareTest({ wrangler: { configPath: here('./wrangler.jsonc') } })],
  // The first test loads PDF.js into workerd through Vite, which takes a while on a busy machine.
  test: { name: 'pdf', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
