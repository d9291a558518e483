import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (packages/server). `pnpm dev` there listens on 4000; override to point elsewhere.
const apiOrigin = process.env.YISHI_API_ORIGIN ?? 'http://localhost:4000';

// Same-origin in the browser: cookies, the CSRF header and WebSocket URLs work exactly as in production,
// where one origin serves both the app and the API. The Host header is kept (no changeOrigin) so the
// server's origin checks see what the browser sent.
const toApi: ProxyOptions = { target: apiOrigin };
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { ...toApi, ws: true },
  '/uploads': toApi,
  '/health': toApi,
  '/open311': toApi,
  '/export': toApi,
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/check-bundle.mjs reads dist/.vite/manifest.json to measure what a route loads first.
    manifest: true,
  },
});
