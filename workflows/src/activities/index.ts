import type { Db, Sql } from '@gov/db';
import { createArchiveActivities, type ArchiveStores } from './archive/index.js';
import { createDossierActivities } from './dossier/index.js';
import { createFeedbackActivities } from './feedback/index.js';
import { createProbeActivities } from './probe.js';

export interface ActivityDeps {
  db: Db;
  /** The pool behind `db`, for withTenant. */
  sql: Sql;
  /** Live and archive file storage, for the archive run. */
  stores: ArchiveStores;
}

/** Activities receive their dependencies here; the worker is the only place they meet workflows. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createProbeActivities(deps),
    ...createDossierActivities({ db: deps.db, sql: deps.sql }),
    ...createFeedbackActivities({ sql: deps.sql }),
    ...createArchiveActivities({ sql: deps.sql, stores: deps.stores }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
