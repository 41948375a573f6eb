import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

// The API serves the bundle at `/`; in development (`npx vite apps/console`) the dev server
// forwards /api to a running API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Ant Design and React change less often than the pages: their own cacheable chunk.
        manualChunks: {
          vendor: ['react', 'react-dom', 'react-router-dom', 'antd', '@tanstack/react-query'],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
