/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Api's route prefixes. In development Vite forwards them to the Api (same origin for the
// browser, so the HttpOnly refresh cookie works), except page navigations (Accept: text/html),
// which get the SPA, exactly as the Api's own SPA fallback decides in production.
const apiPrefixes = ['/accounts', '/posts', '/comments', '/likes', '/follows', '/products', '/reports', '/chats', '/search', '/images', '/media', '/api', '/health', '/alive'];
// GAMGYUL_API_URL overrides where the Api listens (the AppHost's default is 5080).
declare const process: { env: Record<string, string | undefined> };
const apiTarget = process.env.GAMGYUL_API_URL ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPrefixes.map((prefix) => [prefix, {
      target: apiTarget,
      changeOrigin: false,
      ws: prefix === '/chats',
      bypass: (req: { headers: Record<string, string | string[] | undefined> }) =>
        String(req.headers.accept ?? '').includes('text/html') && !prefix.startsWith('/api') ? '/index.html' : undefined,
    }])),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
