import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The sandbox Worker's tests: QuickJS must be tested where it runs, inside workerd, as deployed. */
export default defineConfig({
  root: here('.'),
  plugins: [cloudflareTest({ wrangler: { configPath: here('./wrangler.jsonc') } })],
  test: { name: 'sandbox', include: ['test/**/*.test.ts'], testTimeout: 20_000 },
});
