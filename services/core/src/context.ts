import type { Db, Sql } from '@gov/db';
import type { AppAbility } from '@gov/domain';
import type { Grant } from './abilities/build-ability.js';

/** Who is acting: an officer, ministry staff or a citizen; null for anonymous portal visitors. */
export interface Actor {
  userId: string;
  kind: 'officer' | 'ministry' | 'citizen';
  displayName: string;
  /**
   * The account's email or phone confirmed by code (or it came from VNeID), read with the
   * session; what lets a citizen file online. Absent counts as not confirmed.
   */
  contactVerified?: boolean;
}

/**
 * What every service verb receives as `ctx` (docs/code-conventions.md#service-verbs): the actor, their CASL ability
 * (built per request from their role assignments), the request id for the audit log, and the
 * database. Tenant data is reached only through `withTenant(ctx.sql, tenantId, …)`.
 */
export interface ServiceContext {
  requestId: string;
  db: Db;
  sql: Sql;
  actor: Actor | null;
  ability: AppAbility;
  /**
   * The role assignments the ability was built from (the actor's, in their home province; none
   * without one, as for anonymous visitors), read with the session and kept under the access
   * revision: which roles they hold over a step's unit, without a query of its own.
   */
  grants: readonly Grant[];
}
