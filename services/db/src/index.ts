export { createDb, type Db, type Sql, type CreateDbOptions } from './client.js';
export { pingDatabase } from './ping.js';
export { ACCESS_REVISION_TRIGGERS, renewsAccessRevision } from './access-revision.js';
export {
  withTenant,
  withMinistryRead,
  withUser,
  withTenantAsUser,
  withTenantPair,
  streamWithTenant,
  streamMinistryRead,
  type TenantDb,
  type Queryable,
  useSetLocalSettings,
} from './tenant/with-tenant.js';
export { type StreamableSelect } from './tenant/stream-rows.js';
export { searchPrefix } from './search.js';
export { verifyAuditChain, type ChainVerdict, type ChainProblem } from './audit/verify-audit-chain.js';
export * as schema from './schema/index.js';
export {
  CODE_LIFETIME_MS,
  CODE_MAX_ATTEMPTS,
  INVITATION_LIFETIME_HOURS,
  deriveOneTimeCode,
  oneTimeCodeDigest,
  sameCodeDigest,
} from './accounts/one-time-code.js';
export { requeuePortalDeadLetter } from './portal-sync/replay-dead-letter.js';
