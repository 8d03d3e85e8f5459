import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Threads crash Temporal's native bridge; forks do not (docs/architecture.md, Temporal).
    pool: 'forks',
    include: ['services/**/*.test.ts', 'workflows/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Starts (or reuses) the test database and a Temporal dev server once per run.
    globalSetup: ['scripts/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/src/testing/summary-reporter.ts'],
  },
});
