import { randomUUID } from 'node:crypto';
import {
  activateProcedure,
  authorityOf,
  citizenIdDigest,
  copyDefaultProcess,
  ensureRootUnit,
  hashPassword,
  loadActor,
  publishProcess,
  type AccountKeys,
  type ServiceContext,
} from '@gov/core';
import { schema, withTenant, type Db, type Sql, type TenantDb } from '@gov/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROCEDURES, DEMO_PROVINCE_CODE } from './accounts.js';

type Account = (typeof DEMO_ACCOUNTS)[number];

async function unit(tx: TenantDb, tenantId: string, parentPath: string[], code: string, name: string, kind: 'commune_one_stop' | 'department') {
  const [existing] = await tx
    .select()
    .from(schema.orgUnits)
    .where(and(eq(schema.orgUnits.tenantId, tenantId), eq(schema.orgUnits.code, code)));
  if (existing) return existing;
  const id = randomUUID();
  const [created] = await tx
    .insert(schema.orgUnits)
    .values({ tenantId, id, parentId: parentPath.at(-1)!, path: [...parentPath, id], code, name, kind })
    .returning();
  return created!;
}

/**
 * Idempotent: creates the demo province structure and accounts when missing, leaves them alone
 * otherwise (a second `npm start` keeps what the demo users changed). Demo people the VNeID
 * stand-in knows get their CCCD number (as a digest for the citizen, in the officer profile for
 * officers) where none is recorded yet, so they can sign in with VNeID too.
 */
export async function seedDemo(db: Db, sql: Sql, keys: Pick<AccountKeys, 'citizenIdSecret'>): Promise<void> {
  const [tenant] = await db.select().from(schema.tenants).where(eq(schema.tenants.code, DEMO_PROVINCE_CODE));
  if (!tenant) throw new Error('the provinces must be seeded first');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const existing = new Set(
    (
      await db
        .select({ login: schema.users.login })
        .from(schema.users)
        .where(
          inArray(
            schema.users.login,
            DEMO_ACCOUNTS.map((a) => a.login),
          ),
        )
    ).map((u) => u.login),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.login));
  for (const account of missing.filter((a) => a.kind === 'ministry_admin' || a.kind === 'ministry_oversight' || a.kind === 'citizen')) {
    const citizenIdDigestValue = 'citizenId' in account ? citizenIdDigest(keys, account.citizenId) : null;
    const [user] = await db
      .insert(schema.users)
      .values({
        login: account.login,
        passwordHash,
        kind: account.kind === 'citizen' ? 'citizen' : 'ministry',
        displayName: account.name,
        citizenIdDigest: citizenIdDigestValue,
      })
      .returning();
    if (account.kind !== 'citizen')
      await db.insert(schema.platformRoleAssignments).values({ userId: user!.id, role: account.kind, reason: 'Tài khoản trình diễn' });
  }
  const units = await withTenant(sql, tenant.id, async (tx) => {
    const root = await ensureRootUnit(tx, tenant.id);
    const ward = await unit(tx, tenant.id, root.path, 'HN-BADINH', 'Bộ phận một cửa Phường Ba Đình', 'commune_one_stop');
    const department = await unit(tx, tenant.id, root.path, 'HN-SNV', 'Sở Nội vụ Hà Nội', 'department');
    await unit(tx, tenant.id, root.path, 'HN-SGDDT', 'Sở Giáo dục và Đào tạo Hà Nội', 'department');
    for (const account of missing.filter(
      (a): a is Account & { kind: 'province_admin' | 'reception_officer' | 'specialist' | 'leader' | 'result_clerk' } =>
        !['ministry_admin', 'ministry_oversight', 'citizen'].includes(a.kind),
    )) {
      const orgUnitId = account.kind === 'province_admin' ? root.id : 'unit' in account ? department.id : ward.id;
      const [user] = await tx
        .insert(schema.users)
        .values({ login: account.login, passwordHash, kind: 'officer', homeTenantId: tenant.id, displayName: account.name })
        .returning();
      const citizenId = 'citizenId' in account ? account.citizenId : null;
      await tx.insert(schema.tenantUsers).values({
        tenantId: tenant.id,
        userId: user!.id,
        fullName: account.name,
        citizenId,
        position: 'Cán bộ',
        orgUnitId,
        phone: '0912345678',
        email: `${account.login}@hanoi.gov.vn`,
      });
      await tx.insert(schema.roleAssignments).values({ tenantId: tenant.id, userId: user!.id, role: account.kind, orgUnitId, reason: 'Tài khoản trình diễn' });
    }
    await linkDemoOfficers(tx, tenant.id);
    return { ward, department };
  });
  await linkDemoCitizens(db, keys);
  await publishDemoProcesses(db, sql, tenant.id, units);
}

/** Demo databases made before VNeID sign-in existed: give the officers their CCCD number. */
async function linkDemoOfficers(tx: TenantDb, tenantId: string) {
  for (const account of DEMO_ACCOUNTS) {
    if (!('citizenId' in account) || account.kind === 'citizen') continue;
    const [user] = await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, account.login));
    if (!user) continue;
    const t = schema.tenantUsers;
    await tx
      .update(t)
      .set({ citizenId: account.citizenId })
      .where(and(eq(t.tenantId, tenantId), eq(t.userId, user.id), isNull(t.citizenId)));
  }
}

/** The same for the demo citizen: the digest of their CCCD number, where none is stored. */
async function linkDemoCitizens(db: Db, keys: Pick<AccountKeys, 'citizenIdSecret'>) {
  for (const account of DEMO_ACCOUNTS) {
    if (!('citizenId' in account) || account.kind !== 'citizen') continue;
    const u = schema.users;
    await db
      .update(u)
      .set({ citizenIdDigest: citizenIdDigest(keys, account.citizenId) })
      .where(and(eq(u.login, account.login), isNull(u.citizenIdDigest)));
  }
}

/**
 * Activates the demo procedures and publishes their processes from the ministry's defaults,
 * through the same service verbs the console uses, acting as the demo province admin (so the
 * audit log shows who did it). A procedure already activated is left as the admin left it.
 */
async function publishDemoProcesses(db: Db, sql: Sql, tenantId: string, units: { ward: { id: string }; department: { id: string } }) {
  const settings = await withTenant(sql, tenantId, (tx) => tx.select({ code: schema.procedureSettings.procedureCode }).from(schema.procedureSettings));
  const todo = DEMO_PROCEDURES.filter((p) => !settings.some((s) => s.code === p.code));
  if (todo.length === 0) return;
  const [admin] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.login, 'hn.quantri'));
  const loaded = admin && (await loadActor(db, sql, admin.id));
  if (!loaded) throw new Error('the demo province admin is missing');
  const ctx: ServiceContext = { requestId: 'seed-demo', db, sql, actor: loaded.actor, ...authorityOf(loaded.abilityInput) };
  for (const { code } of todo) {
    const handlingUnitIds = code === '1.003057' ? [units.ward.id, units.department.id] : [units.ward.id];
    // The seed writes only what it has just checked is missing, so it names no revision.
    await activateProcedure({ ctx, tenantId, ifMatch: '*', input: { procedureCode: code, receivingUnitIds: [units.ward.id], handlingUnitIds } });
    const draft = await copyDefaultProcess({
      ctx,
      tenantId,
      ifMatch: '*',
      input: { procedureCode: code, unitMapping: { commune_one_stop: units.ward.id, department: units.department.id } },
    });
    await publishProcess({ ctx, tenantId, ifMatch: [draft.revision], input: { id: draft.id } });
  }
}
