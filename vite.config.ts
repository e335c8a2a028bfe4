import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const bff = `http://127.0.0.1:${process.env.BFF_PORT ?? 8080}`;

// The entry holds only the bootstrap (react, react-dom, router, query client, i18n);
// antd, icons, the login page, the shell and every page are lazy chunks.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // @rc-component/* (antd's internals) are plain ES modules but do not declare
      // `sideEffects: false`, so unused modules of theirs would be kept. Declare it for them.
      treeshake: {
        moduleSideEffects: (id: string) => !/node_modules[\\/]@rc-component[\\/]/.test(id),
      },
      output: {
        codeSplitting: {
          groups: [
            // One stable vendor chunk for the bootstrap libraries (cached across releases).
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|cookie|set-cookie-parser)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: bff, changeOrigin: false },
      '/bff': { target: bff, changeOrigin: false },
      '/healthz': { target: bff, changeOrigin: false },
    },
  },
});
