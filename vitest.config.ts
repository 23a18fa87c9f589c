import { defineConfig } from 'vitest/config';

// One `vitest run` covers the workspace; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: [
      // Graph tests share no mutable state: one module cache per worker saves re-importing zod per file.
      {
        test: {
          name: 'graph',
          root: 'packages/graph',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          isolate: false,
        },
      },
      {
        test: { name: 'engine', root: 'packages/engine', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        test: {
          name: 'providers',
          root: 'packages/providers',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        },
      },
      { test: { name: 'api', root: 'packages/api', include: ['src/**/*.test.ts'] } },
      { test: { name: 'db', root: 'packages/db', include: ['src/**/*.test.ts'] } },
      // Pure logic in Node; the D1 stores are tested inside workerd (apps/runtime/test/knowledge).
      { test: { name: 'knowledge', root: 'packages/knowledge', include: ['src/**/*.test.ts'] } },
      // The chat widget's plain logic (Markdown, SSE, state); its DOM is tested in Chromium (test/e2e/widget*).
      { test: { name: 'widget', root: 'apps/widget', include: ['src/**/*.test.ts'] } },
      // The editor's plain modules (graph edits, rules, layout, traces, forms, i18n): no DOM needed.
      { test: { name: 'editor', root: 'apps/editor', include: ['src/**/*.test.ts'] } },
      { test: { name: 'fake-model', root: '.', include: ['test/fake-model/**/*.test.ts'] } },
      { test: { name: 'workflows', root: '.', include: ['test/workflows/**/*.test.ts'] } },
      {
        // The real platform (`npm start`) and the offline deploy bundle; each file starts at most one server.
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'egress', root: 'apps/runtime', include: ['src/egress/**/*.test.ts'] } },
      // The runtime's worker tests run in workerd: their project (pool, bindings, fake model server) is its own config file.
      'apps/runtime/vitest.config.ts',
      // The PDF Worker (apps/pdf), in workerd as deployed.
      'apps/pdf/vitest.config.ts',
      // The sandbox Worker (apps/sandbox): QuickJS, in workerd as deployed.
      'apps/sandbox/vitest.config.ts',
    ],
  },
});
