import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Node's process, without pulling in all of @types/node for one variable.
declare const process: { env: Record<string, string | undefined> };

// The server serves the built files from its wwwroot; `npm run dev` proxies the API to a running server instead.
const server = process.env.ORCH_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../Orchestrator.Server/wwwroot',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false },
    },
  },
});
