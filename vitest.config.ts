import { defineConfig } from 'vitest/config';

// One `vitest run` covers the workspace; each project keeps its own environment.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'graph', root: 'packages/graph', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
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
      { test: { name: 'fake-model', root: '.', include: ['test/fake-model/**/*.test.ts'] } },
      { test: { name: 'workflows', root: '.', include: ['test/workflows/**/*.test.ts'] } },
    ],
  },
});
