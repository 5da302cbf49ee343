import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const portalDir = fileURLToPath(new URL('.', import.meta.url));
const libsDir = fileURLToPath(new URL('../../libs', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: portalDir,
  plugins: [react()],
  resolve: {
    // Same alias as tsconfig.json's `paths`: `@guild/contracts` is shared with the API.
    alias: [{ find: /^@guild\/([^/]+)$/, replacement: `${libsDir}/$1/src/index.ts` }],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/v1': api,
      '/docs': api,
      '/health': api,
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: {
      '/v1': api,
      '/docs': api,
      '/health': api,
    },
  },
});
