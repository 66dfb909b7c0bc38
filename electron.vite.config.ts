import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };
// GK_OUT: another build folder than out/ (parallel builds, benches); the app itself always ships out/.
const out = process.env['GK_OUT'] ?? 'out';

// Three builds: main (Node), preload (sandboxed, so CommonJS), renderer (browser).
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: `${out}/main`,
      // index: the Electron main process; web: the web-mode server (same handlers, no Electron);
      // workers run hostile-file parsing and document rendering in their own thread with memory limits.
      lib: {
        entry: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          web: resolve(import.meta.dirname, 'electron/web/start.ts'),
          'import-worker': resolve(import.meta.dirname, 'electron/main/import/import-worker.ts'),
          'render-worker': resolve(import.meta.dirname, 'electron/main/exports/render-worker.ts'),
        },
      },
      rollupOptions: { external: ['electron'] },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: `${out}/preload`,
      lib: { entry: resolve(import.meta.dirname, 'electron/preload/index.ts') },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, out, 'renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
