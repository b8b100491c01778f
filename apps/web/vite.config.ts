import { defineConfig } from 'vite';

/** Where the API listens in development (`npm start`); `npm run dev:web` proxies to it. */
const api = process.env.SILLOK_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The API serves dist/web/assets with long-lived immutable caching: names carry a content hash.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    port: 5173,
    // Every path that is not the client's own (/app, Vite's internals) is an API route.
    proxy: { '^/(?!app(/|$)|@|src/|node_modules/|assets/|$).*': { target: api, changeOrigin: false } },
  },
});
