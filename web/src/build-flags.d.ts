/** Set by vite.config.ts: true in a build (which emits /sw.js), false on the dev server. */
declare const __SERVICE_WORKER__: boolean;
