import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// In `npm run dev` the Vite server proxies the API; `npm start` serves the built app from the API.
// The service worker is its own entry, built to /sw.js: a worker controls only the paths below
// its own URL, so it must sit at the root, under a name that does not change between builds.
export default defineConfig(({ command }) => ({
  plugins: [solid()],
  // Only a build has /sw.js. Not import.meta.env.PROD: that follows NODE_ENV, which the test
  // runner sets to "test" for the browser journeys' production builds.
  define: { __SERVICE_WORKER__: JSON.stringify(command === 'build') },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: { index: entry('index.html'), sw: entry('src/sw/sw.ts') },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
}));
