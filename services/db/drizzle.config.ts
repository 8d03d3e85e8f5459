import { defineConfig } from 'drizzle-kit';

// Generation only: migrations are applied by `npm run setup` (never `drizzle-kit push`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './services/db/src/schema/index.ts',
  out: './migrations',
  casing: 'snake_case',
});
