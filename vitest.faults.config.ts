import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the fault tests against the cluster topology (docs/operations/topology.md).
 * Apart from `npm test` because one run starts a whole cluster and takes minutes.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['scripts/src/faults/**/*.faults.ts'],
    // One cluster per file; the faults in it run one after another against it.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
    reporters: ['default', './scripts/src/testing/summary-reporter.ts'],
  },
});
