import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The built app (dist/) is served by the api on its own origin (apps/api/src/http/serve-web.ts).
// In development `npm run dev -w @heinrich/web` proxies /api to a local api on :8080;
// start that api with PUBLIC_URL=http://localhost:5173 so the browser's Origin is accepted.
export default defineConfig({
  plugins: [react()],
  // one bundle is fine for an admin app served from the same origin
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: 'http://localhost:8080' } },
  },
});
