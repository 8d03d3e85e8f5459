import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// In `npm run dev` the Vite server proxies the API; `npm start` serves the built app from the API.
export default defineConfig({
  plugins: [solid()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
  build: { target: 'es2022', sourcemap: true },
});
