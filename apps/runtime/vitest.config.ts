import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { fakeModelList } from './test/helpers/fake-model-names.ts';
import { sideWorkers } from './test/node/side-worker-bundles.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// wrangler.jsonc serves ./.assets (scripts/build-assets.mjs); the worker tests need only the folder.
mkdirSync(here('./.assets'), { recursive: true });
const migrations = await readD1Migrations(here('../../packages/db/migrations'));

/**
 * The runtime's worker tests: they run inside workerd with a local D1 (migrated by
 * test/setup/apply-migrations.ts) and a fake model server in Node (test/node/global-setup.ts), whose
 * URL the worker's own bindings get too, so runs through the real entry point reach it. The `PDF` and
 * `SANDBOX` bindings reach the real PDF and sandbox Workers (apps/pdf, apps/sandbox), bundled by the
 * global setup.
 * Paths are resolved from this file, so the project runs the same from the root's `projects` list.
 */
export default defineConfig({
  root: here('.'),
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: here('./wrangler.jsonc') },
      miniflare: {
        bindings: {
          ADMIN_TOKEN: 'test-admin-token',
          ENVIRONMENT: 'development',
          TEST_MIGRATIONS: migrations,
          OPENAI_COMPATIBLE_BASE_URL: inject('fakeModelUrl'),
          OPENAI_COMPATIBLE_MODELS: fakeModelList(),
        },
        // The PDF and sandbox Workers behind wrangler.jsonc's `PDF` and `SANDBOX` bindings: the real
        // apps/pdf and apps/sandbox code, bundled by the global setup (an auxiliary worker gets no
        // bundling of its own). All of them share one workerd process, and so one thread.
        workers: sideWorkers.map(({ name, modulesRoot, modules, compatibilityDate }) => ({
          name,
          modulesRoot,
          modules: [...modules],
          compatibilityDate,
        })),
        // Smaller than wrangler.jsonc's, so the tests reach them in a few requests.
        ratelimits: {
          AUTH_FAILURE_LIMITER: { namespace_id: '1001', simple: { limit: 10, period: 60 } },
          VISITOR_LIMITER: { namespace_id: '1002', simple: { limit: 5, period: 60 } },
          CLIENT_LIMITER: { namespace_id: '1003', simple: { limit: 12, period: 60 } },
          APP_LIMITER: { namespace_id: '1004', simple: { limit: 30, period: 60 } },
        },
      },
    })),
  ],
  test: {
    name: 'runtime',
    // src/egress is pure logic tested in Node (the root's `egress` project).
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/node/global-setup.ts'],
    setupFiles: ['test/setup/apply-migrations.ts'],
    testTimeout: 20_000,
    isolate: false,
  },
});
