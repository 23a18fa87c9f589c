import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The benchmark's floor page (bench/), built next to the editor but into test-results/, never into dist/.
// Paths are relative to apps/editor, where `npm run build:bench-floor` runs.
export default defineConfig({
  root: 'bench',
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: '../../../test-results/editor-bench-floor',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
