import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

/**
 * The web console. `npm run web:dev` serves it with the API proxied from port 3000 (`npm start` in another
 * terminal); `npm run web:build` writes dist/web, which the API serves at `/`.
 * JSX is compiled by Vite's own transform (no React plugin: its optional Babel peers do not resolve with
 * this lockfile, and the console does not need Fast Refresh to be useful in development).
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: resolve(root, 'public'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
  preview: { port: 4173, proxy: { '/api': { target: api, changeOrigin: true } } },
  build: {
    outDir: resolve(root, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Long-lived vendor chunks: a console release that changes only our code leaves these cached.
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
});
