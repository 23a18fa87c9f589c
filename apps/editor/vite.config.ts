import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The editor is served by the runtime at `/`; the widget owns `/widget.js`, so nothing here may take that name.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'editor-assets',
    chunkSizeWarningLimit: 1200,
  },
});
