import type { Db } from '@gov/db';

/**
 * What every service verb receives as `ctx` (STYLE.md rule 2). Issue #4 adds the actor and their
 * CASL ability; issue #3 adds the tenant transaction helper.
 */
export interface ServiceContext {
  requestId: string;
  db: Db;
}
