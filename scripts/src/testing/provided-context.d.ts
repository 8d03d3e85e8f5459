// What the test run's global set-up provides to every test file through `inject()`. Listed in
// the root tsconfig's `files`, so every workspace's tests see the same typed context.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
    /** Superuser on the test database: catalog checks and tampering tests only. */
    adminDatabaseUrl: string;
    temporalAddress: string;
    temporalNamespace: string;
    temporalCli: string;
  }
}
