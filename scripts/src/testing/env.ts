import { parseEnv } from '@gov/runtime';
import * as v from 'valibot';

/**
 * Tests use their own database (default gov_test) and, unless TEST_TEMPORAL_ADDRESS points at a
 * running server, their own in-memory Temporal dev server on a free port: a running platform
 * (`npm start`) and the test suite never touch each other's data.
 */
export const TestEnv = v.object({
  TEST_DATABASE_URL: v.optional(v.string(), 'postgres://gov_app@127.0.0.1:5432/gov_test'),
  TEST_TEMPORAL_ADDRESS: v.optional(v.string()),
});

export function readTestEnv() {
  return parseEnv(TestEnv, process.env);
}
