import { renewsAccessRevision, schema, withTenant, type Db, type Sql } from '@gov/db';
import { and, eq, isNull, sql as raw } from 'drizzle-orm';
import type { PlatformRole } from '@gov/domain';
import type { AbilityInput, Grant } from '../abilities/build-ability.js';
import type { Actor } from '../context.js';
import { GrantsCache } from './grants-cache.js';

const u = schema.users;

/**
 * What a request needs of its user, read with the session in one query (never the password hash).
 * Spelled out: drizzle leaves column names unqualified inside sql``, and in a subquery an
 * unqualified "id" would be the role assignment's, not the user's.
 */
export const actorColumns = {
  kind: u.kind,
  status: u.status,
  displayName: u.displayName,
  homeTenantId: u.homeTenantId,
  passwordChangeRequired: u.passwordChangeRequired,
  accessRevision: u.accessRevision,
  contactVerified: raw<boolean>`(users.contact_verified_at is not null)`,
  platformRoles: raw<PlatformRole[]>`array(select pra.role::text from platform_role_assignments pra where pra.user_id = users.id and pra.revoked_at is null)`,
};

/** A row as `actorColumns` reads it. */
export interface ActorRow {
  kind: Actor['kind'];
  status: 'active' | 'disabled';
  displayName: string;
  homeTenantId: string | null;
  passwordChangeRequired: boolean;
  accessRevision: number;
  contactVerified: boolean;
  platformRoles: PlatformRole[];
}

export interface LoadedActor {
  actor: Actor;
  abilityInput: AbilityInput;
  passwordChangeRequired: boolean;
}

/**
 * Per pool, so two databases in one process (tests, the bench) never share what they kept; null
 * where the database has no trigger to renew the revision (a Citus cluster cannot run it,
 * docs/operations/citus.md): there the grants are read on every request, as nothing could tell
 * the keeper they changed. Asked once per pool, on its first request.
 */
const grantsCaches = new WeakMap<Sql, Promise<GrantsCache | null>>();

function grantsCacheOf(sql: Sql): Promise<GrantsCache | null> {
  let cache = grantsCaches.get(sql);
  if (!cache) {
    cache = renewsAccessRevision(sql).then((renewed) => (renewed ? new GrantsCache() : null));
    // A failed check is asked again on the next request rather than kept.
    cache.catch(() => grantsCaches.delete(sql));
    grantsCaches.set(sql, cache);
  }
  return cache;
}

/** The active role assignments in the user's home province, read inside that tenant's context, as RLS requires. */
function readGrants(sql: Sql, userId: string, tenantId: string): Promise<Grant[]> {
  return withTenant(sql, tenantId, async (tx) => {
    const { roleAssignments: r, orgUnits: o } = schema;
    const rows = await tx
      .select({ role: r.role, orgUnitId: r.orgUnitId, parentId: o.parentId })
      .from(r)
      .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.orgUnitId)))
      .where(and(eq(r.userId, userId), isNull(r.revokedAt)));
    return rows.map((row) => ({ role: row.role, tenantId, orgUnitId: row.orgUnitId, wholeTenant: row.parentId === null }));
  });
}

/**
 * The actor and everything their ability is built from, from their row as `actorColumns` reads it:
 * platform roles (in the row) and the grants in their home province. The grants are read again
 * only when the row's access revision differs from the one they were kept under, which any change
 * to the user's role assignments brings about in its own transaction (migration 0072): a revoked
 * role takes effect on the next request, as when they were read on every one.
 */
export async function actorFromRow(sql: Sql, userId: string, user: ActorRow | undefined): Promise<LoadedActor | null> {
  if (!user || user.status !== 'active') return null;
  let grants: Grant[] = [];
  if (user.homeTenantId) {
    const tenantId = user.homeTenantId;
    const cache = await grantsCacheOf(sql);
    const key = { userId, tenantId, revision: user.accessRevision };
    const kept = cache?.get(key);
    grants = kept ?? (await readGrants(sql, userId, tenantId));
    if (!kept) cache?.set(key, grants);
  }
  return {
    actor: { userId, kind: user.kind, displayName: user.displayName, contactVerified: user.contactVerified },
    abilityInput: { userId, kind: user.kind, grants, platformRoles: user.platformRoles },
    passwordChangeRequired: user.passwordChangeRequired,
  };
}

/** The actor by user id (at sign-in, before there is a session): one query for the user, then as actorFromRow. */
export async function loadActor(db: Db, sql: Sql, userId: string): Promise<LoadedActor | null> {
  const [user] = await db.select(actorColumns).from(u).where(eq(u.id, userId));
  return actorFromRow(sql, userId, user);
}
